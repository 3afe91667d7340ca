using System.Diagnostics;
using System.Globalization;
using System.Text;
using Katas.Kit.Data;
using static TorchSharp.torch.nn;

namespace Katas.ParallelData;

/// <summary>One line of the throughput table: samples per second, loading alone and while training.</summary>
/// <param name="Loader">"ParallelLoader" (yours) or "TorchSharp DataLoader".</param>
public sealed record ThroughputRow(string Loader, int Workers, double LoadingPerSecond, double TrainingPerSecond);

/// <summary>
/// Given: the chapter's benchmark (not a test). It measures how many augmented digits per second
/// a loader delivers, alone and while a small CNN trains on them, for several worker counts.
/// The README's table comes from <see cref="Measure"/>; run it on a quiet machine.
/// </summary>
public static class Throughput
{
    /// <summary>Every row of the README's table, plus the CNN alone on one fixed batch (the ceiling).</summary>
    public static (IReadOnlyList<ThroughputRow> Rows, double TrainingOnlyPerSecond) Measure(
        int[]? workers = null, int batchSize = 64, int batches = 60, int images = 10_000)
    {
        workers ??= [0, 1, 2, 4];
        using var mnist = Mnist.Load(train: true);
        var data = new AugmentedDigits(mnist.Images[..images], mnist.Labels[..images], seed: 0);
        LoadingPerSecond(data, 2, batchSize, 5); // warm-up: JIT, thread pool, libtorch
        TrainingPerSecond(data, 2, batchSize, 5);
        var rows = new List<ThroughputRow>();
        foreach (var n in workers)
            rows.Add(new("ParallelLoader", n, LoadingPerSecond(data, n, batchSize, batches), TrainingPerSecond(data, n, batchSize, batches)));
        foreach (var n in workers.Where(n => n > 0))
            rows.Add(new("TorchSharp DataLoader", n, TorchSharpLoadingPerSecond(data, n, batchSize, batches), TorchSharpTrainingPerSecond(data, n, batchSize, batches)));
        return (rows, TrainingOnlyPerSecond(batchSize, batches));
    }

    /// <summary>Samples per second from <see cref="ParallelLoader"/> when nothing else runs.</summary>
    public static double LoadingPerSecond(AugmentedDigits data, int numWorkers, int batchSize, int batches) =>
        Rate(Yours(data, numWorkers, batchSize, batches), batch => { });

    /// <summary>Samples per second of training the CNN on batches from <see cref="ParallelLoader"/>.</summary>
    public static double TrainingPerSecond(AugmentedDigits data, int numWorkers, int batchSize, int batches) =>
        Training(Yours(data, numWorkers, batchSize, batches));

    /// <summary>Samples per second from TorchSharp's own DataLoader(num_worker: n).</summary>
    public static double TorchSharpLoadingPerSecond(AugmentedDigits data, int numWorkers, int batchSize, int batches) =>
        Rate(TorchSharps(data, numWorkers, batchSize, batches), batch => { });

    /// <summary>Samples per second of training the CNN on batches from TorchSharp's DataLoader.</summary>
    public static double TorchSharpTrainingPerSecond(AugmentedDigits data, int numWorkers, int batchSize, int batches) =>
        Training(TorchSharps(data, numWorkers, batchSize, batches));

    /// <summary>Samples per second of the CNN alone, on one batch made in advance: no loader can beat it.</summary>
    public static double TrainingOnlyPerSecond(int batchSize, int batches)
    {
        using var fixedBatch = new Batch(torch.rand(batchSize, 1, 28, 28), torch.randint(0, 10, batchSize, dtype: int64));
        return Training(Enumerable.Repeat(fixedBatch, batches), dispose: false);
    }

    /// <summary>The table as Markdown, for the README.</summary>
    public static string ToMarkdown(IReadOnlyList<ThroughputRow> rows, double trainingOnly)
    {
        var text = new StringBuilder();
        text.AppendLine("| loader | workers | loading only (samples/s) | loading + training (samples/s) |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var r in rows)
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Loader} | {r.Workers} | {r.LoadingPerSecond:N0} | {r.TrainingPerSecond:N0} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| (training alone, one fixed batch) | | | {trainingOnly:N0} |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores; libtorch threads for training: {torch.get_num_threads()}.");
        return text.ToString();
    }

    static IEnumerable<Batch> Yours(AugmentedDigits data, int numWorkers, int batchSize, int batches) =>
        new ParallelLoader(data, batchSize, numWorkers, shuffle: true, seed: 1).Epoch(0).Take(batches);

    static IEnumerable<Batch> TorchSharps(AugmentedDigits data, int numWorkers, int batchSize, int batches)
    {
        // TorchSharp disposes each batch itself when it makes the next one; we copy what we keep.
        using var loader = torch.utils.data.DataLoader(data, batchSize, shuffle: true, seed: 1, num_worker: numWorkers, disposeDataset: false);
        foreach (var batch in loader.Take(batches))
            yield return new Batch(batch["data"].clone(), batch["label"].clone());
    }

    static double Rate(IEnumerable<Batch> batches, Action<Batch> use, bool dispose = true)
    {
        long samples = 0;
        var clock = Stopwatch.StartNew();
        foreach (var batch in batches)
        {
            using var scope = torch.NewDisposeScope();
            use(batch);
            samples += batch.Label.shape[0];
            if (dispose) batch.Dispose();
        }
        return samples / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Samples per second of training a fresh CNN on these batches.</summary>
    static double Training(IEnumerable<Batch> batches, bool dispose = true)
    {
        var (model, optimizer) = NewModel();
        using (model)
        using (optimizer)
            return Rate(batches, batch => TrainStep(model, optimizer, batch), dispose);
    }

    // The seed's MNIST CNN: conv(1->16, 5, stride 2) + relu + maxpool, conv(16->32, 5) + relu, linear -> 10.
    static (Module<Tensor, Tensor> Model, torch.optim.Optimizer Optimizer) NewModel()
    {
        var model = Sequential(
            Conv2d(1, 16, 5, stride: 2, padding: 2), ReLU(), MaxPool2d(2),
            Conv2d(16, 32, 5, padding: 2), ReLU(), Flatten(), Linear(32 * 7 * 7, 10));
        return (model, torch.optim.Adam(model.parameters(), 1e-3));
    }

    static void TrainStep(Module<Tensor, Tensor> model, torch.optim.Optimizer optimizer, Batch batch)
    {
        optimizer.zero_grad();
        functional.cross_entropy(model.forward(batch.Data), batch.Label).backward();
        optimizer.step();
    }
}
