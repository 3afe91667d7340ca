namespace Katas.ParallelData;

/// <summary>Which items an epoch visits, in which order, cut into batches.</summary>
public static class Sampler
{
    public static long[] EpochOrder(long count, bool shuffle, int seed, int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!shuffle)
        {
            var order = new long[count];
            for (var i = 0L; i < count; i++) order[i] = i;
            return order;
        }
        // Like DistributedSampler.set_epoch: a generator seeded with seed + epoch, so every epoch
        // has its own order and any epoch can be replayed without replaying the ones before it.
        using var generator = new torch.Generator((ulong)(seed + (long)epoch));
        using var permutation = torch.randperm(count, generator: generator);
        return permutation.data<long>().ToArray();
    }

    public static long[][] Batches(long[] order, int batchSize, bool dropLast)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var chunks = order.Chunk(batchSize);
        return (dropLast ? chunks.Where(c => c.Length == batchSize) : chunks).ToArray();
    }
}
