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

    /// <param name="numWorkers">0: load in the calling thread; N: N worker threads.</param>
    /// <param name="prefetchFactor">Batches each worker may make ahead of the one you are using.</param>
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
        var batches = Sampler.Batches(Sampler.EpochOrder(_dataset.Count, _shuffle, _seed, epoch), _batchSize, _dropLast);
        return _numWorkers == 0 ? InCallingThread(batches) : WithWorkers(batches);
    }

    IEnumerable<Batch> InCallingThread(long[][] batches)
    {
        foreach (var indices in batches)
            yield return Fetcher.Fetch(_dataset, indices);
    }

    IEnumerable<Batch> WithWorkers(long[][] batches)
    {
        // One promise per batch: workers fulfil them in any order, we hand them out in order.
        var results = batches.Select(_ => new TaskCompletionSource<Batch>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        // How far the workers may run ahead of us: each batch we take frees one slot.
        using var slots = new SemaphoreSlim(_numWorkers * _prefetchFactor);
        using var stop = new CancellationTokenSource();
        var claimed = -1;

        void Work()
        {
            try
            {
                while (true)
                {
                    slots.Wait(stop.Token);
                    var k = Interlocked.Increment(ref claimed);
                    if (k >= batches.Length) return;
                    try { results[k].SetResult(Fetcher.Fetch(_dataset, batches[k])); }
                    catch (Exception e) { results[k].SetException(e); } // handed to the consumer with its batch
                }
            }
            catch (OperationCanceledException) { } // the consumer stopped early
        }

        var workers = Enumerable.Range(0, _numWorkers)
            .Select(i => new Thread(Work) { IsBackground = true, Name = $"loader worker {i}" })
            .ToArray();
        foreach (var worker in workers) worker.Start();

        var delivered = 0;
        try
        {
            while (delivered < batches.Length)
            {
                // Waits for this batch; a worker's exception is rethrown here, on the consumer's thread.
                var batch = results[delivered].Task.GetAwaiter().GetResult();
                delivered++;
                slots.Release();
                yield return batch;
            }
        }
        finally
        {
            stop.Cancel();
            foreach (var worker in workers) worker.Join();
            // Batches made ahead but never handed out would otherwise leak their native memory.
            foreach (var pending in results.Skip(delivered))
                if (pending.Task.IsCompletedSuccessfully) pending.Task.Result.Dispose();
        }
    }
}
