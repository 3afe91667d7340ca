namespace Katas.ParallelData;

/// <summary>Which items an epoch visits, in which order, cut into batches.</summary>
public static class Sampler
{
    /// <summary>
    /// The indices one epoch visits: 0, 1, ..., count - 1 in turn, or (shuffle) a permutation of
    /// them that depends only on <paramref name="seed"/> and <paramref name="epoch"/>.
    /// </summary>
    public static long[] EpochOrder(long count, bool shuffle, int seed, int epoch)
    {
        // TODO 1 — PyTorch's SequentialSampler and RandomSampler in one method.
        //  - No shuffle: the indices 0 .. count - 1.
        //  - Shuffle: torch.randperm(count, generator: g) with
        //        using var g = new torch.Generator((ulong)(seed + epoch));
        //    (as DistributedSampler.set_epoch does: a new order every epoch, any epoch replayable),
        //    then .data<long>().ToArray().
        throw new NotImplementedException("TODO 1: the order of an epoch (Sampler.EpochOrder). See README step 1.");
    }

    /// <summary>
    /// Cuts <paramref name="order"/> into batches of <paramref name="batchSize"/> indices, keeping
    /// the order; the last batch is shorter, or left out when <paramref name="dropLast"/>.
    /// </summary>
    public static long[][] Batches(long[] order, int batchSize, bool dropLast)
    {
        // TODO 2 — PyTorch's BatchSampler. LINQ's order.Chunk(batchSize) does the cutting;
        //  with dropLast keep only the chunks of full length.
        throw new NotImplementedException("TODO 2: cut the order into batches (Sampler.Batches). See README step 2.");
    }
}
