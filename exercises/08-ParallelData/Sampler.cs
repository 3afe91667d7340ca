namespace Katas.ParallelData;

/// <summary>Which items an epoch visits, in which order, cut into batches.</summary>
public static class Sampler
{
    /// <summary>
    /// The indices one epoch visits, as a new array of <paramref name="count"/> longs: 0, 1, ...,
    /// count - 1 in turn, or (shuffle) a permutation of them that depends only on
    /// <paramref name="seed"/> and <paramref name="epoch"/>: the same pair gives the same order in
    /// any run, another epoch or another seed another order. Touches no global random state.
    /// </summary>
    public static long[] EpochOrder(long count, bool shuffle, int seed, int epoch)
    {
        // TODO 1 — PyTorch's SequentialSampler and RandomSampler in one method. A model that sees the
        //  data in the same order every epoch learns that order too; a run whose order cannot be
        //  replayed cannot be debugged. So the order is random, new every epoch, and yet follows
        //  from (seed, epoch) alone, without touching anyone else's random numbers.
        throw new NotImplementedException("TODO 1: the order of an epoch (Sampler.EpochOrder). See README step 1.");
    }

    /// <summary>
    /// Cuts <paramref name="order"/> into batches of <paramref name="batchSize"/> indices, keeping
    /// the order: every index in exactly one batch; the last batch holds what is left (shorter),
    /// or is left out when <paramref name="dropLast"/> and it is short.
    /// </summary>
    public static long[][] Batches(long[] order, int batchSize, bool dropLast)
    {
        // TODO 2 — PyTorch's BatchSampler. Every item once per epoch means no item lost in a short
        //  last batch and none repeated to fill it up; drop_last exists for models that need full
        //  batches, and is the caller's choice, never the default.
        throw new NotImplementedException("TODO 2: cut the order into batches (Sampler.Batches). See README step 2.");
    }
}
