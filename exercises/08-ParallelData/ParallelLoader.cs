namespace Katas.ParallelData;

/// <summary>
/// A DataLoader: batches of a dataset in the sampler's order, made in the calling thread
/// (numWorkers = 0) or by worker threads that work ahead while you train.
/// </summary>
public sealed class ParallelLoader
{
    readonly torch.utils.data.Dataset _dataset;
    readonly int _batchSize;
    readonly int _numWorkers;
    readonly bool _shuffle;
    readonly int _seed;
    readonly bool _dropLast;
    readonly int _prefetchFactor;

    /// <summary>Given: checks and keeps the settings (PyTorch's DataLoader arguments).</summary>
    /// <param name="numWorkers">0: load in the calling thread; N: N worker threads.</param>
    /// <param name="prefetchFactor">Batches each worker may make ahead of the one you are using.</param>
    /// <exception cref="ArgumentOutOfRangeException">Thrown for a number outside the range this member accepts; the message gives the value and the range.</exception>
    public ParallelLoader(torch.utils.data.Dataset dataset, int batchSize, int numWorkers = 0, bool shuffle = false,
        int seed = 0, bool dropLast = false, int prefetchFactor = 2)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (batchSize < 1)
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batchSize must be at least 1: it is how many items go into one batch.");
        if (numWorkers < 0)
            throw new ArgumentOutOfRangeException(nameof(numWorkers), numWorkers, "numWorkers must be 0 (load in the calling thread) or a number of worker threads.");
        if (prefetchFactor < 1)
            throw new ArgumentOutOfRangeException(nameof(prefetchFactor), prefetchFactor, "prefetchFactor must be at least 1: how many batches each worker may make ahead.");
        (_dataset, _batchSize, _numWorkers, _shuffle, _seed, _dropLast, _prefetchFactor) =
            (dataset, batchSize, numWorkers, shuffle, seed, dropLast, prefetchFactor);
    }

    /// <summary>
    /// The batches of epoch <paramref name="epoch"/>, in the sampler's order for (seed, epoch):
    /// every index once (the last batch short, or dropped with dropLast). Made lazily: nothing is
    /// read before the first MoveNext. With numWorkers = 0 each batch is made on the caller's thread
    /// when asked for; otherwise by worker threads ahead of the caller. An item's failure reaches the
    /// caller as a <see cref="DataLoaderException"/> in its batch's turn. Each batch is yours to dispose.
    /// </summary>
    public IEnumerable<Batch> Epoch(int epoch)
    {
        // TODO 5 — PyTorch's num_workers=0: the sampler's batches, made one at a time when the caller
        //  asks for the next. This is the loader every parallel one must agree with, batch for batch;
        //  every setting of the constructor plays its part here, and a forgotten one is silent.
        throw new NotImplementedException("TODO 5: the batches of an epoch, in the calling thread (ParallelLoader.Epoch). See README step 5.");
    }

    /// <summary>
    /// The same batches as with no workers, in the same order, made by <c>_numWorkers</c> threads
    /// that work ahead of the consumer, at most numWorkers * prefetchFactor batches beyond the one it
    /// holds. A worker's exception is rethrown on the consumer's thread, in its batch's turn. Leaving
    /// the enumeration (end, break, exception) stops and joins every worker and disposes the batches
    /// made but never handed out.
    /// </summary>
    IEnumerable<Batch> WithWorkers(long[][] batches)
    {
        // TODO 6 — The heart of the chapter (README step 6 walks through its four parts). Workers
        //  finish in any order but you hand batches out in the sampler's; a bound keeps them from
        //  reading the whole epoch into memory; an error on a worker must reach you, because a batch
        //  that never comes hangs the consumer; and leaving early must stop threads that may be
        //  waiting for you.
        throw new NotImplementedException("TODO 6: worker threads that work ahead (ParallelLoader.WithWorkers). See README step 6.");
    }
}
