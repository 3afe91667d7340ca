"""Chapter 2's peer: one epoch of the CNN over MNIST held as one tensor (bench/Workloads/MnistCnnWorkloads.cs)."""
import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader, Dataset

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


class MnistDataset(Dataset):
    """A map-style dataset over the resident tensors: one image view per __getitem__."""

    def __init__(self, images, labels):
        self.images, self.labels = images, labels

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, index):
        return self.images[index], self.labels[index]


def train_loader(model, optimizer, loader):
    model.train()
    total = 0.0
    for x, y in loader:
        optimizer.zero_grad()
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        optimizer.step()
        total += loss.item()
    return total


def epoch_trial(per_item):
    def make(args):
        device = torch.device(args.device)
        images, labels = common.mnist_train(args, device)

        def trial(seed):
            torch.manual_seed(seed)
            model = Cnn().to(device)
            optimizer = torch.optim.Adam(model.parameters(), 1e-3)
            start = common.clock()
            if per_item:
                loader = DataLoader(MnistDataset(images, labels), batch_size=BATCH, shuffle=True,
                                    generator=torch.Generator().manual_seed(seed))
                train_loader(model, optimizer, loader)
            else:
                train_epoch(model, optimizer, images, labels, seed)
            common.synchronize(device)
            return common.clock() - start
        return trial
    return make


if __name__ == "__main__":
    common.run(common.parse_args(), {"cnn-epoch": epoch_trial(False), "cnn-epoch-dataloader": epoch_trial(True)})
