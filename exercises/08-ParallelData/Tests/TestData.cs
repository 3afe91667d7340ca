using Katas.Kit.Data;

namespace Katas.ParallelData.Tests;

/// <summary>
/// A dataset whose item i is a digit filled with the value i and labelled i, so that a batch
/// says which items it holds. It counts its reads, can be slow, and can fail at one index.
/// </summary>
internal sealed class IndexDataset(long count, long failAt = -1, int delayMs = 0, long slowIndex = -1, int slowMs = 0) : torch.utils.data.Dataset
{
    int _reads;

    /// <summary>How many items have been read so far (from any thread).</summary>
    public int Reads => Volatile.Read(ref _reads);

    public override long Count => count;

    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        Interlocked.Increment(ref _reads);
        if (delayMs > 0) Thread.Sleep(delayMs);
        if (index == slowIndex) Thread.Sleep(slowMs);
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

    static string Few(IEnumerable<long> values) =>
        values.Take(8).Aggregate("", (text, v) => text.Length == 0 ? $"{v}" : $"{text}, {v}") + (values.Skip(8).Any() ? ", ..." : "");

    /// <summary>
    /// Fails, with <paramref name="why"/> first, unless <paramref name="indices"/> holds each of
    /// 0 .. count - 1 exactly once; the message names the first missing and repeated indices, not the whole list.
    /// </summary>
    public static void ShouldHoldEachIndexOnce(this IReadOnlyCollection<long> indices, long count, string why)
    {
        var seen = indices.GroupBy(i => i).ToDictionary(g => g.Key, g => g.Count());
        var missing = Enumerable.Range(0, (int)count).Select(i => (long)i).Where(i => !seen.ContainsKey(i)).ToList();
        var repeated = seen.Where(p => p.Value > 1).Select(p => p.Key).Order().ToList();
        var foreign = seen.Keys.Where(i => i < 0 || i >= count).Order().ToList();
        if (missing.Count == 0 && repeated.Count == 0 && foreign.Count == 0) return;
        throw new ShouldAssertException($"{why}: {indices.Count} indices for {count} items; " +
            (missing.Count > 0 ? $"{missing.Count} never delivered ({Few(missing)}); " : "") +
            (repeated.Count > 0 ? $"{repeated.Count} delivered more than once ({Few(repeated)}); " : "") +
            (foreign.Count > 0 ? $"{foreign.Count} outside 0 .. {count - 1} ({Few(foreign)}); " : "") + "each index exactly once.");
    }

    /// <summary>Fails, with <paramref name="why"/> first, unless the two sequences are equal; names the first difference.</summary>
    public static void ShouldBeTheSameSequenceAs(this IReadOnlyList<long> actual, IReadOnlyList<long> expected, string why)
    {
        var first = Enumerable.Range(0, Math.Min(actual.Count, expected.Count)).FirstOrDefault(i => actual[i] != expected[i], -1);
        if (first < 0 && actual.Count == expected.Count) return;
        throw new ShouldAssertException(first >= 0
            ? $"{why}: they differ first at position {first}: {actual[first]} instead of {expected[first]} " +
              $"(from there: {Few(actual.Skip(first))} instead of {Few(expected.Skip(first))})"
            : $"{why}: {actual.Count} values instead of {expected.Count}");
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the thread pool and fails with <paramref name="ifItHangs"/>
    /// when it has not finished after <paramref name="seconds"/>: a hung loader fails with a sentence.
    /// </summary>
    public static async Task<T> Within<T>(int seconds, Func<T> work, string ifItHangs)
    {
        var task = Task.Run(work);
        if (await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(seconds))) != task)
            throw new ShouldAssertException($"The epoch did not finish within {seconds} s: {ifItHangs}");
        return await task;
    }
}
