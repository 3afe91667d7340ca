"""Chapter 8's peers: batches of freshly distorted digits from torch's DataLoader with 0..4 worker
processes, alone and while the seed's CNN trains (bench/Workloads/ParallelDataWorkloads.cs).

The distortion is the chapter's DigitAugmentation (rotation, shift, elastic field smoothed by a
Gaussian, bilinear sampling) written as a Python user would: numpy, vectorised per digit.
"""
import math

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader, Dataset

import common

SIZE = 28
IMAGES = 10_000
BATCH = 64
MAX_DEGREES, MAX_SHIFT, ALPHA, SIGMA = 12.0, 2.0, 20.0, 4.0


def smoothing_matrix(sigma):
    """Gaussian smoothing along one axis with edge clamping, as a 28 x 28 matrix: field = S @ noise @ S.T."""
    r = math.ceil(3 * sigma)
    kernel = np.exp(-np.arange(-r, r + 1) ** 2 / (2 * sigma * sigma))
    kernel /= kernel.sum()
    s = np.zeros((SIZE, SIZE), dtype=np.float32)
    for i in range(SIZE):
        for k in range(-r, r + 1):
            s[i, min(max(i + k, 0), SIZE - 1)] += kernel[k + r]
    return s


SMOOTH = smoothing_matrix(SIGMA)
GRID_Y, GRID_X = np.mgrid[0:SIZE, 0:SIZE].astype(np.float64)


def distort(image, rng):
    angle = (rng.random() * 2 - 1) * MAX_DEGREES * math.pi / 180
    shift_x, shift_y = (rng.random() * 2 - 1) * MAX_SHIFT, (rng.random() * 2 - 1) * MAX_SHIFT
    dx = SMOOTH @ (rng.random((SIZE, SIZE), dtype=np.float32) * 2 - 1) @ SMOOTH.T * ALPHA
    dy = SMOOTH @ (rng.random((SIZE, SIZE), dtype=np.float32) * 2 - 1) @ SMOOTH.T * ALPHA
    centre = (SIZE - 1) / 2
    u, v = GRID_X - centre - shift_x, GRID_Y - centre - shift_y
    c, s = math.cos(angle), math.sin(angle)
    sx = c * u + s * v + centre + dx
    sy = -s * u + c * v + centre + dy
    x0, y0 = np.floor(sx).astype(np.int64), np.floor(sy).astype(np.int64)
    fx, fy = (sx - x0).astype(np.float32), (sy - y0).astype(np.float32)
    padded = np.pad(image, 1)  # outside the picture is background (0)

    def pixel(x, y):
        return padded[np.clip(y, -1, SIZE) + 1, np.clip(x, -1, SIZE) + 1]
    return (pixel(x0, y0) * (1 - fx) * (1 - fy) + pixel(x0 + 1, y0) * fx * (1 - fy)
            + pixel(x0, y0 + 1) * (1 - fx) * fy + pixel(x0 + 1, y0 + 1) * fx * fy)


class AugmentedDigits(Dataset):
    def __init__(self, images, labels, seed):
        self.images, self.labels, self.seed, self.epoch = images, labels, seed, 0

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, index):
        rng = np.random.default_rng(self.seed * 1_000_003 + self.epoch * 7_919 + index)
        digit = distort(self.images[index], rng)
        return torch.from_numpy(digit.astype(np.float32)).unsqueeze(0), int(self.labels[index])


def seed_cnn():
    return nn.Sequential(nn.Conv2d(1, 16, 5, stride=2, padding=2), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(16, 32, 5, padding=2), nn.ReLU(), nn.Flatten(), nn.Linear(32 * 7 * 7, 10))


def loader_trial(workers, training):
    def make(args):
        images = common.read_idx(f"{args.mnist}/train-images-idx3-ubyte", 3)[:IMAGES].astype(np.float32) / 255
        labels = common.read_idx(f"{args.mnist}/train-labels-idx1-ubyte", 1)[:IMAGES].astype(np.int64)
        data = AugmentedDigits(images, labels, seed=0)
        batches = 4 if args.quick else 150

        def trial(seed):
            torch.manual_seed(seed)
            data.epoch = seed
            loader = DataLoader(data, batch_size=BATCH, shuffle=True, num_workers=workers,
                                generator=torch.Generator().manual_seed(1))
            if training:
                model = seed_cnn()
                optimizer = torch.optim.Adam(model.parameters(), 1e-3)
            start = common.clock()
            for i, (x, y) in enumerate(loader):
                if training:
                    optimizer.zero_grad()
                    F.cross_entropy(model(x), y).backward()
                    optimizer.step()
                if i + 1 == batches:
                    break
            seconds = common.clock() - start
            del loader  # stops the worker processes
            return seconds
        return trial
    return make


TRIALS = {f"loader-w{n}": loader_trial(n, False) for n in (0, 1, 2, 4)}
TRIALS.update({f"loader-train-w{n}": loader_trial(n, True) for n in (0, 2)})

if __name__ == "__main__":
    common.run(common.parse_args(), TRIALS)
