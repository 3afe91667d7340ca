using Katas.Bench.Measuring;
using Katas.Kit.Data;
using Katas.ParallelData;

namespace Katas.Bench.Workloads;

/// <summary>
/// Chapter 8: batches of freshly distorted digits from the chapter's loader, alone and while the
/// seed's CNN trains on them (the chapter's own Throughput code does the timing).
/// </summary>
public static class ParallelDataWorkloads
{
    public const int BatchSize = 64;
    const int Images = 10_000;

    public static IEnumerable<Workload> All { get; } =
    [
        .. new[] { 0, 1, 2, 4 }.Select(n => Loading(n, training: false)),
        .. new[] { 0, 2 }.Select(n => Loading(n, training: true)),
    ];

    static Workload Loading(int workers, bool training) => new(
        training ? $"loader-train-w{workers}" : $"loader-w{workers}", "08",
        training
            ? $"Augmented digits with {workers} worker(s) while the CNN trains, 150 batches of 64"
            : $"Augmented digits with {workers} worker(s), loading only, 150 batches of 64",
        "parallel_data.py", "samples", settings => new LoaderTrial(settings, workers, training))
    {
        CpuOnly = "chapter 8's loader makes its batches with CPU code (the distortion of each digit), on worker threads",
    };

    sealed class LoaderTrial : ITrial
    {
        readonly MnistSplit _train;
        readonly AugmentedDigits _data;
        readonly int _workers;
        readonly bool _training;
        readonly int _batches;

        public LoaderTrial(Settings settings, int workers, bool training)
        {
            _train = Mnist.Load(train: true);
            _data = new AugmentedDigits(_train.Images[..Images], _train.Labels[..Images], seed: 0);
            (_workers, _training) = (workers, training);
            _batches = settings.Quick ? 4 : 150;
        }

        public long ItemsPerRun => (long)_batches * BatchSize;

        public double Run(int seed)
        {
            torch.manual_seed(seed);
            _data.Epoch = seed;
            var perSecond = _training
                ? Throughput.TrainingPerSecond(_data, _workers, BatchSize, _batches)
                : Throughput.LoadingPerSecond(_data, _workers, BatchSize, _batches);
            return ItemsPerRun / perSecond;
        }

        public void Dispose() => _train.Dispose();
    }
}
