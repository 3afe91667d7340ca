using Katas.Bench.Measuring;
using Katas.Kit.Data;

namespace Katas.Bench.Workloads;

/// <summary>
/// One thing the katas teach, timed. <see cref="Open"/> does the untimed setup (data, models);
/// each <see cref="ITrial.Run"/> returns the seconds of the part being measured.
/// </summary>
/// <param name="Name">Also the name the Python peer knows it by.</param>
/// <param name="Peer">The file in bench/peers/ that times the same thing in Python.</param>
/// <param name="Items">What one run processes, for a rate (for example "samples"); null for none.</param>
public sealed record Workload(string Name, string Chapter, string Title, string Peer, string? Items, Func<Settings, ITrial> Open)
{
    /// <summary>Why this workload runs on the CPU only (one line), or null when it runs on any device.</summary>
    public string? CpuOnly { get; init; }

    /// <summary>Why this workload does not run with <paramref name="settings"/> (one line), or null when it does.</summary>
    public string? RefusalFor(Settings settings) =>
        CpuOnly is { } reason && settings.Device != "cpu" ? $"runs on the CPU only: {reason}" : null;
}

/// <summary>A prepared workload: run it (seeded), get seconds back.</summary>
public interface ITrial : IDisposable
{
    /// <summary>How many <see cref="Workload.Items"/> one run processes (0 when there is no rate).</summary>
    long ItemsPerRun { get; }

    /// <summary>One timed run; <paramref name="seed"/> differs per run so that no cache is reused by accident.</summary>
    double Run(int seed);
}

/// <summary>The MNIST training split (or, with --quick, its first 1,024 images) on the bench's device.</summary>
public sealed class TrainingImages : IDisposable
{
    readonly MnistSplit _split = Mnist.Load(train: true);

    public TrainingImages(Settings settings)
    {
        Count = settings.Quick ? 1024 : Mnist.TrainCount;
        Images = _split.Images[..Count].to(settings.TorchDevice);
        Labels = _split.Labels[..Count].to(settings.TorchDevice);
    }

    public int Count { get; }
    public Tensor Images { get; }
    public Tensor Labels { get; }

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
        _split.Dispose();
    }
}

/// <summary>For timers around GPU work.</summary>
public static class DeviceClock
{
    /// <summary>Waits for queued GPU work, so that a timer stops when the work is done, not when it was queued.</summary>
    public static void Synchronize(torch.Device device)
    {
        if (device.type == DeviceType.CUDA) torch.cuda.synchronize();
    }
}
