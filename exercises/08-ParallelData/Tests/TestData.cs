using Katas.Kit.Data;

namespace Katas.ParallelData.Tests;

/// <summary>
/// A dataset whose item i is a digit filled with the value i and labelled i, so that a batch
/// says which items it holds. It counts its reads, can be slow, and can fail at one index.
/// </summary>
internal sealed class IndexDataset(long count, long failAt = -1, int delayMs = 0) : torch.utils.data.Dataset
{
    int _reads;

    /// <summary>How many items have been read so far (from any thread).</summary>
    public int Reads => Volatile.Read(ref _reads);

    public override long Count => count;

    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        Interlocked.Increment(ref _reads);
        if (delayMs > 0) Thread.Sleep(delayMs);
        if (index == failAt) throw new InvalidOperationException($"item {index} is broken on purpose");
        return new()
        {
            ["data"] = torch.full(1, 28, 28, (float)index),
            ["label"] = torch.tensor(index),
        };
    }
}

internal static class TestData
{
    /// <summary>The first <paramref name="count"/> digits of MNIST's test split, augmented with <paramref name="seed"/>.</summary>
    public static AugmentedDigits Digits(int count, int seed = 0)
    {
        using var mnist = Mnist.Load(train: false);
        return new AugmentedDigits(mnist.Images[..count], mnist.Labels[..count], seed);
    }

    /// <summary>The raw (not augmented) pixels of MNIST test digit <paramref name="index"/>: [1, 28, 28].</summary>
    public static Tensor RawDigit(int index)
    {
        using var mnist = Mnist.Load(train: false);
        return mnist.Images[index].clone();
    }

    /// <summary>The label of MNIST test digit <paramref name="index"/>.</summary>
    public static long Label(int index)
    {
        using var mnist = Mnist.Load(train: false);
        return mnist.Labels[index].item<long>();
    }

    /// <summary>Every label of every batch of one epoch, in delivery order.</summary>
    public static List<long> Labels(IEnumerable<Batch> epoch)
    {
        var labels = new List<long>();
        foreach (var batch in epoch)
            using (batch)
                labels.AddRange(batch.Label.data<long>().ToArray());
        return labels;
    }
}
