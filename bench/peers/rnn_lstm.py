"""Chapter 7's peers: an epoch of the row-by-row LSTM, and the sin -> cos fit (bench/Workloads/RnnLstmWorkloads.cs)."""
import math

import torch
import torch.nn.functional as F
from torch import nn

import common

HIDDEN = 96
BATCH = 128


class RowLstm(nn.Module):
    def __init__(self, hidden=HIDDEN):
        super().__init__()
        self.lstm = nn.LSTM(28, hidden, batch_first=True)
        self.fc = nn.Linear(hidden, 10)

    def forward(self, images):
        output, _ = self.lstm(images.reshape(-1, 28, 28))
        return self.fc(output[:, -1, :])


def lstm_epoch(args):
    device = torch.device(args.device)
    images, labels = common.mnist_train(args, device)

    def trial(seed):
        torch.manual_seed(seed)
        model = RowLstm().to(device)
        optimizer = torch.optim.Adam(model.parameters(), 1e-3)
        start = common.clock()
        model.train()
        order = torch.randperm(len(images))
        for first in range(0, len(images), BATCH):
            index = order[first:first + BATCH]
            optimizer.zero_grad()
            loss = F.cross_entropy(model(images[index]), labels[index])
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1)
            optimizer.step()
            loss.item()
        common.synchronize(device)
        return common.clock() - start
    return trial


class SinCosNet(nn.Module):
    def __init__(self, hidden=32):
        super().__init__()
        self.rnn = nn.RNN(1, hidden, batch_first=True)
        self.output = nn.Linear(hidden, 1)

    def forward(self, x, h):
        states, hidden = self.rnn(x, h)
        return self.output(states), hidden


def windows(starts, time_steps=10):
    t = starts.unsqueeze(1) + torch.arange(time_steps, dtype=torch.float32, device=starts.device) * (math.pi / time_steps)
    return t.sin().unsqueeze(-1), t.cos().unsqueeze(-1)


def sincos_fit(args):
    # The chapter's stable recipe (SinCosRecipe.Stable): 16 streams of 10-point windows, Adam 0.01,
    # gradients clipped at 1, cosine-annealed over the run.
    steps = 20 if args.quick else 300
    device = torch.device(args.device)

    def trial(seed):
        torch.manual_seed(seed)
        model = SinCosNet().to(device)
        start = common.clock()
        optimizer = torch.optim.Adam(model.parameters(), 0.01)
        schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, steps)
        starts = (torch.rand(16) * (2 * math.pi)).to(device)  # drawn on the CPU, as the C# side does
        hidden = None
        for step in range(steps):
            x, y = windows(starts + step * math.pi)
            model.train()
            optimizer.zero_grad()
            prediction, hidden = model(x, hidden)
            loss = F.mse_loss(prediction, y)
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 1)
            optimizer.step()
            loss.item()
            hidden = hidden.detach()
            schedule.step()
        common.synchronize(device)
        return common.clock() - start
    return trial


if __name__ == "__main__":
    common.run(common.parse_args(), {"lstm-epoch": lstm_epoch, "sincos-fit": sincos_fit})
