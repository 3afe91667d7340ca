"""What every peer shares: the command line the C# bench passes, the timing loop, MNIST, the JSON.

A peer times the same workload as its C# twin (bench/Workloads/*.cs): same sizes, batch sizes,
threads and data, with the model and data set up outside the timed part, as there.
"""
import argparse
import gc
import json
import os
import platform
import time

import numpy as np
import torch

QUICK_IMAGES = 1024
MINIMUM_WARMUP = 2.0  # seconds, as Runner.MinimumWarmup in C#


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workloads", required=True, help="comma-separated workload names")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--mnist", required=True, help="folder with the four MNIST idx files")
    parser.add_argument("--out", required=True, help="where to write the JSON results")
    parser.add_argument("--quick", action="store_true", help="tiny sizes: only checks that it runs")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    args.names = [n for n in args.workloads.split(",") if n]
    return args


def synchronize(device):
    if device.type == "cuda":
        torch.cuda.synchronize()


def time_runs(trial, args):
    """trial(seed) -> seconds of the timed part. Warm-up runs first (at least --warmup of them and,
    when warm-up is on, at least 2 s of them, as the C# side does for its JIT), then the timed ones."""
    started, i = time.perf_counter(), 0
    while i < args.warmup or (args.warmup > 0 and time.perf_counter() - started < MINIMUM_WARMUP and i < 50):
        trial(1000 + i)
        gc.collect()
        i += 1
    runs = []
    for i in range(args.repeat):
        runs.append(trial(i))
        gc.collect()
    return runs


def run(args, trials):
    """trials: name -> function(args) returning trial(seed). Writes {"workloads": {name: {"runs": [...]}}}."""
    unknown = [n for n in args.names if n not in trials]
    if unknown:
        raise SystemExit(f"this peer does not know {', '.join(unknown)}; it knows {', '.join(trials)}")
    results = {}
    for name in args.names:
        results[name] = {"runs": time_runs(trials[name](args), args)}
        print(f"{name}: {results[name]['runs']}", flush=True)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"python": platform.python_version(), "torch": torch.__version__,
                   "threads": torch.get_num_threads(), "workloads": results}, f)


def read_idx(path, dims):
    """An MNIST idx file as a uint8 array (the magic number and sizes are big-endian int32s)."""
    with open(path, "rb") as f:
        data = f.read()
    offset = 4 + 4 * dims
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=offset).reshape(shape)


def mnist_train(args, device, count=None):
    """Images float32 [N, 1, 28, 28] in [0, 1] and labels int64 [N], as Kit's Mnist.Load gives them."""
    images = read_idx(os.path.join(args.mnist, "train-images-idx3-ubyte"), 3)
    labels = read_idx(os.path.join(args.mnist, "train-labels-idx1-ubyte"), 1)
    count = count or (QUICK_IMAGES if args.quick else len(labels))
    x = torch.from_numpy(images[:count].copy()).float().div_(255).unsqueeze(1).to(device)
    y = torch.from_numpy(labels[:count].astype(np.int64)).to(device)
    return x, y


def clock():
    return time.perf_counter()
