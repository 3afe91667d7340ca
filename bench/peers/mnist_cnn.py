"""Chapter 2's peer: one epoch of the CNN over MNIST held as one tensor (bench/Workloads/MnistCnnWorkloads.cs)."""
import torch
import torch.nn.functional as F
from torch import nn

import common

BATCH = 64


class Cnn(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Sequential(nn.Conv2d(1, 16, 5, stride=2, padding=2), nn.ReLU(), nn.MaxPool2d(2))
        self.conv2 = nn.Sequential(nn.Conv2d(16, 32, 5, stride=1, padding=2), nn.ReLU())
        self.output = nn.Linear(32 * 7 * 7, 10)

    def forward(self, x):
        return self.output(self.conv2(self.conv1(x)).flatten(1))


def train_epoch(model, optimizer, images, labels, seed):
    model.train()
    order = torch.randperm(len(images), generator=torch.Generator().manual_seed(seed)).to(images.device)
    total = 0.0
    for start in range(0, len(images), BATCH):
        index = order[start:start + BATCH]
        optimizer.zero_grad()
        loss = F.cross_entropy(model(images.index_select(0, index)), labels.index_select(0, index))
        loss.backward()
        optimizer.step()
        total += loss.item()
    return total


def cnn_epoch(args):
    device = torch.device(args.device)
    images, labels = common.mnist_train(args, device)

    def trial(seed):
        torch.manual_seed(seed)
        model = Cnn().to(device)
        optimizer = torch.optim.Adam(model.parameters(), 1e-3)
        start = common.clock()
        train_epoch(model, optimizer, images, labels, seed)
        common.synchronize(device)
        return common.clock() - start
    return trial


if __name__ == "__main__":
    common.run(common.parse_args(), {"cnn-epoch": cnn_epoch})
