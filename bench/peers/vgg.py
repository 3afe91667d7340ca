"""Chapters 5 and 6's peers: VGG-16 forward on one image, and its state dict saved and loaded, once
durably as chapter 6 saves (temporary file, fsync, rename) and once as a plain torch.save
(bench/Workloads/VggWorkloads.cs). VGG is built from the config as torchvision builds it."""
import os
import uuid

import torch
from torch import nn

import common

VGG16 = [64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M"]


def make_layers(config):
    layers, channels = [], 3
    for v in config:
        if v == "M":
            layers.append(nn.MaxPool2d(2, 2))
        else:
            layers += [nn.Conv2d(channels, v, 3, padding=1), nn.ReLU(inplace=True)]
            channels = v
    return nn.Sequential(*layers)


class Vgg(nn.Module):
    def __init__(self, config, hidden=4096, classes=1000):
        super().__init__()
        self.features = make_layers(config)
        self.avgpool = nn.AdaptiveAvgPool2d(7)
        self.classifier = nn.Sequential(
            nn.Linear(512 * 7 * 7, hidden), nn.ReLU(True), nn.Dropout(),
            nn.Linear(hidden, hidden), nn.ReLU(True), nn.Dropout(),
            nn.Linear(hidden, classes))

    def forward(self, x):
        return self.classifier(torch.flatten(self.avgpool(self.features(x)), 1))


def create(args):
    torch.manual_seed(0)
    return Vgg(VGG16, hidden=64) if args.quick else Vgg(VGG16)


def vgg16_forward(args):
    device = torch.device(args.device)
    model = create(args).to(device).eval()
    image = torch.randn(1, 3, 224, 224).to(device)

    def trial(seed):
        with torch.no_grad():
            start = common.clock()
            model(image)
            common.synchronize(device)
            return common.clock() - start
    return trial


def save_durably(state_dict, path):
    """Chapter 6's StateDicts.Save (AtomicFile) in Python: a temporary file beside the target, flushed
    to disk, then renamed over it, so that a crash leaves the old file or the new one."""
    temp = f"{path}.{uuid.uuid4().hex}.tmp"
    try:
        with open(temp, "wb") as f:
            torch.save(state_dict, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.remove(temp)
        raise


def checkpoint(durable):
    def make(args):
        model = create(args)
        # Beside the results file: the same disk the C# side writes its checkpoint to.
        path = os.path.join(os.path.dirname(os.path.abspath(args.out)), "vgg16-python.pt")

        def trial(seed):
            start = common.clock()
            if durable:
                save_durably(model.state_dict(), path)
            else:
                torch.save(model.state_dict(), path)
            # weights_only=True: what the C# side reads (tensors by name, nothing run); 2.6's default.
            model.load_state_dict(torch.load(path, weights_only=True))
            seconds = common.clock() - start
            os.remove(path)
            return seconds
        return trial
    return make


if __name__ == "__main__":
    common.run(common.parse_args(), {"vgg16-forward": vgg16_forward, "vgg16-checkpoint": checkpoint(durable=True),
                                     "vgg16-checkpoint-nofsync": checkpoint(durable=False)})
