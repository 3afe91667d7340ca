using static TorchSharp.torch.nn;
using static TorchSharp.torch.optim;

namespace Katas.GpuAndCheckpoints;

/// <summary>
/// Given to you (not an exercise): one epoch of mini-batch training, built on your
/// <see cref="OnDevice.TrainStep"/>.
/// </summary>
public static class Training
{
    /// <summary>
    /// One pass over (x, y) in shuffled mini-batches on <paramref name="device"/>; returns the mean loss.
    /// The shuffle is drawn from a generator seeded with (seed, epoch): epoch 2 of a resumed run sees
    /// exactly the batches that epoch 2 of an uninterrupted run sees, with no hidden state to save.
    /// </summary>
    public static float TrainEpoch(Module<Tensor, Tensor> model, Optimizer optimizer, Tensor x, Tensor y,
        int epoch, int seed, int batchSize, torch.Device device)
    {
        using var shuffle = new torch.Generator((ulong)(seed * 10_000L + epoch));
        var order = torch.randperm(x.shape[0], generator: shuffle);
        var total = 0.0;
        var batches = 0;
        for (long start = 0; start < x.shape[0]; start += batchSize)
        {
            using var scope = torch.NewDisposeScope();
            var index = order.narrow(0, start, Math.Min(batchSize, x.shape[0] - start));
            total += OnDevice.TrainStep(model, optimizer, x[index], y[index], device);
            batches++;
        }
        return (float)(total / batches);
    }
}
