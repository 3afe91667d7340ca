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

    /// <summary>The batches of one epoch, in order. Each batch is yours to dispose.</summary>
    public IEnumerable<Batch> Epoch(int epoch)
    {
        // TODO 5 — the loader in the calling thread (PyTorch's num_workers=0).
        //  - The batches of indices: Sampler.Batches(Sampler.EpochOrder(_dataset.Count, _shuffle, _seed, epoch), ...).
        //  - With _numWorkers > 0 return WithWorkers(batches) (step 6). Otherwise yield
        //    Fetcher.Fetch(_dataset, indices) for each batch, one after the other: a local
        //    function with `yield return` keeps this method from waiting for the first MoveNext.
        throw new NotImplementedException("TODO 5: the batches of an epoch, in the calling thread (ParallelLoader.Epoch). See README step 5.");
    }

    /// <summary>The same batches, made by <c>_numWorkers</c> threads that work ahead of the consumer.</summary>
    IEnumerable<Batch> WithWorkers(long[][] batches)
    {
        // TODO 6 — worker threads, in order, bounded, and errors that reach you (README step 6).
        //  - One TaskCompletionSource<Batch> per batch: a worker fulfils it (SetResult), or passes
        //    on its exception (SetException); you wait for them in order:
        //        results[k].Task.GetAwaiter().GetResult()   // rethrows the worker's exception
        //  - _numWorkers threads (new Thread(...) { IsBackground = true }) loop: wait for a free slot,
        //    claim the next batch number (Interlocked.Increment), fetch it.
        //  - Slots: new SemaphoreSlim(_numWorkers * _prefetchFactor). A worker takes one before it
        //    starts a batch; you give one back (Release) for every batch you hand out.
        //  - try { ... yield return ... } finally { cancel the workers' waits (CancellationTokenSource),
        //    Join them, dispose the batches made but never handed out }: so leaving the loop
        //    early (break, or an exception) stops every worker.
        throw new NotImplementedException("TODO 6: worker threads that work ahead (ParallelLoader.WithWorkers). See README step 6.");
    }
}
