using System.Runtime.ExceptionServices;

namespace Katas.ParallelData.Tests;

// Every test that starts workers runs on the thread pool under a timeout: a loader that deadlocks
// fails the test instead of hanging the run.
public class ParallelLoaderTests
{
    const int Timeout = 60_000;

    [Theory(Timeout = Timeout), Points(3), Step(6)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Every_index_is_delivered_exactly_once_per_epoch(int numWorkers)
    {
        var dataset = new IndexDataset(103);
        var loader = new ParallelLoader(dataset, batchSize: 10, numWorkers: numWorkers, shuffle: true, seed: 1);

        var labels = await TestData.Within(20, () => TestData.Labels(loader.Epoch(0)),
            $"with {numWorkers} workers the loader hung. Is a worker waiting for a slot nobody gives back (one Release for every batch " +
            "handed out), or the consumer waiting for a batch no worker claims?");

        labels.ShouldHoldEachIndexOnce(103,
            $"with {numWorkers} workers, one epoch must deliver each of the 103 items exactly once (the last batch holds 3)");
        labels.SequenceEqual(labels.Order()).ShouldBeFalse("shuffle: true, so the items should not come in index order");
    }

    [Fact(Timeout = Timeout), Points(1), Step(6)]
    public async Task Batches_hold_batchSize_items_and_dropLast_drops_the_short_last_one()
    {
        var dataset = new IndexDataset(25);
        var keep = new ParallelLoader(dataset, batchSize: 10, numWorkers: 2);
        var drop = new ParallelLoader(dataset, batchSize: 10, numWorkers: 2, dropLast: true);

        var sizes = await Task.Run(() => keep.Epoch(0).Select(b => { using (b) return b.Label.shape[0]; }).ToList());
        var dropped = await Task.Run(() => drop.Epoch(0).Select(b => { using (b) return b.Label.shape[0]; }).ToList());

        sizes.ShouldBe([10L, 10, 5]);
        dropped.ShouldBe([10L, 10], "drop_last leaves out the batch of 5");
    }

    [Fact(Timeout = Timeout), Points(2), Step(6)]
    public async Task Shuffling_is_reproducible_from_the_seed_and_changes_with_the_epoch()
    {
        var dataset = new IndexDataset(50);
        List<long> Run(int seed, int epoch) =>
            TestData.Labels(new ParallelLoader(dataset, batchSize: 8, numWorkers: 2, shuffle: true, seed: seed).Epoch(epoch));

        var (first, again, nextEpoch, otherSeed) = await Task.Run(() => (Run(5, 0), Run(5, 0), Run(5, 1), Run(6, 0)));

        again.ShouldBeTheSameSequenceAs(first, "the same seed and epoch must give the same order, run after run");
        nextEpoch.SequenceEqual(first).ShouldBeFalse("each epoch gets its own order (TorchSharp's DataLoader with a seed repeats one order every epoch; yours should not)");
        otherSeed.SequenceEqual(first).ShouldBeFalse("another seed gives another order");
    }

    [Fact(Timeout = Timeout), Points(3), Step(6)]
    public async Task The_batches_are_the_same_whatever_the_number_of_workers()
    {
        var digits = TestData.Digits(count: 100, seed: 2);
        digits.Epoch = 3;
        List<Batch> Run(int numWorkers) =>
            new ParallelLoader(digits, batchSize: 16, numWorkers: numWorkers, shuffle: true, seed: 9).Epoch(3).ToList();

        var reference = await Task.Run(() => Run(0));
        foreach (var numWorkers in new[] { 1, 2, 4 })
        {
            var batches = await Task.Run(() => Run(numWorkers));
            batches.Count.ShouldBe(reference.Count);
            for (var k = 0; k < batches.Count; k++)
            {
                batches[k].Label.ShouldEqual(reference[k].Label, $"batch {k} with {numWorkers} workers holds other items than with 0: deliver batches in order");
                batches[k].Data.ShouldEqual(reference[k].Data, $"batch {k} with {numWorkers} workers holds other pixels than with 0");
                batches[k].Dispose();
            }
        }
    }

    [Fact(Timeout = Timeout), Points(2), Step(6)]
    public async Task TorchSharps_own_DataLoader_gives_the_same_batches_from_the_same_order()
    {
        var digits = TestData.Digits(count: 40, seed: 3);
        var order = Sampler.EpochOrder(digits.Count, shuffle: true, seed: 4, epoch: 0);
        var ours = await Task.Run(() => new ParallelLoader(digits, batchSize: 8, numWorkers: 2, shuffle: true, seed: 4).Epoch(0).ToList());

        // TorchSharp's DataLoader takes any order ("shuffler"); num_worker reads the items of one
        // batch in parallel. It disposes each batch when it makes the next, so compare as we go.
        using var theirs = torch.utils.data.DataLoader(digits, 8, shuffler: order, num_worker: 3, disposeDataset: false);
        var k = 0;
        foreach (var batch in theirs)
        {
            batch["label"].ShouldEqual(ours[k].Label, $"batch {k}: TorchSharp's DataLoader, given your sampler's order, should pick the same items");
            batch["data"].ShouldEqual(ours[k].Data, $"batch {k}: the same items must be the same pixels, whichever loader reads them");
            ours[k++].Dispose();
        }
        k.ShouldBe(ours.Count);
    }

    [Theory(Timeout = Timeout), Points(3), Step(6)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    public async Task A_failing_item_surfaces_as_an_error_with_its_index_and_never_hangs(int numWorkers)
    {
        var dataset = new IndexDataset(60, failAt: 37);
        var loader = new ParallelLoader(dataset, batchSize: 5, numWorkers: numWorkers);
        var received = 0;

        var thrown = await Record.ExceptionAsync(() => TestData.Within(15, () =>
        {
            foreach (var batch in loader.Epoch(0))
                using (batch) received++;
            return received;
        }, "a worker whose item failed must hand the exception to that batch's result (SetException): " +
           "the consumer waits for every batch in turn, and a batch that never comes hangs it"));
        if (thrown is ShouldAssertException) ExceptionDispatchInfo.Throw(thrown);
        if (thrown is NotImplementedException) ExceptionDispatchInfo.Throw(thrown); // a stub: the grader shows its TODO

        var error = thrown.ShouldBeOfType<DataLoaderException>($"with {numWorkers} workers, the item's failure must reach the consumer as DataLoaderException");

        error.Index.ShouldBe(37, "the error names the item that failed");
        error.InnerException.ShouldBeOfType<InvalidOperationException>();
        received.ShouldBe(7, "batches 0..6 come before the failing batch 7 (items 35..39), and are delivered first");
    }

    [Fact(Timeout = Timeout), Points(3), Step(6)]
    public async Task Workers_make_batches_ahead_but_at_most_numWorkers_times_prefetchFactor()
    {
        const int batchSize = 4, numWorkers = 2, prefetchFactor = 2;
        var dataset = new IndexDataset(100);
        var loader = new ParallelLoader(dataset, batchSize, numWorkers, prefetchFactor: prefetchFactor);
        // After we hold batch 0, the workers may work on batches 1..4: numWorkers * prefetchFactor
        // of them (PyTorch's rule). Then they must wait until we take another.
        const int expected = (1 + numWorkers * prefetchFactor) * batchSize;

        await Task.Run(async () =>
        {
            using var epoch = loader.Epoch(0).GetEnumerator();
            epoch.MoveNext().ShouldBeTrue();
            epoch.Current.Dispose();

            var waited = 0;
            while (dataset.Reads < expected && waited < 10_000) { await Task.Delay(20); waited += 20; }
            dataset.Reads.ShouldBe(expected,
                "while we hold batch 0 the workers should read ahead, the items of batches 1..4 and no more " +
                $"(so far {dataset.Reads} items were read)");
            await Task.Delay(300);
            dataset.Reads.ShouldBe(expected, "the workers must stop at numWorkers * prefetchFactor batches ahead and wait for us");
        });
    }

    [Fact(Timeout = Timeout), Points(2), Step(6)]
    public async Task Batches_come_in_the_samplers_order_even_when_a_later_one_is_ready_first()
    {
        // Item 0 takes 300 ms: with 2 workers, batches 1, 2, ... are ready long before batch 0.
        var dataset = new IndexDataset(24, slowIndex: 0, slowMs: 300);
        var loader = new ParallelLoader(dataset, batchSize: 4, numWorkers: 2);

        var labels = await TestData.Within(20, () => TestData.Labels(loader.Epoch(0)), "the loader hung");

        labels.ShouldBeTheSameSequenceAs(Enumerable.Range(0, 24).Select(i => (long)i).ToList(),
            "hand out the batches in the sampler's order, not in the order the workers finish them " +
            "(batch 0 was the slowest here): wait for batch k's own result before batch k + 1");
    }

    [Fact(Timeout = Timeout), Points(2), Step(6)]
    public async Task Leaving_an_epoch_early_stops_the_workers()
    {
        var dataset = new IndexDataset(400, delayMs: 2);
        var loader = new ParallelLoader(dataset, batchSize: 4, numWorkers: 3);

        var reads = await TestData.Within(15, () =>
        {
            foreach (var batch in loader.Epoch(0))
            {
                batch.Dispose();
                break; // disposes the enumerator: the loader must stop its workers before it returns
            }
            return dataset.Reads;
        }, "leaving the epoch (break) should stop the workers and return: cancel their waits for a slot before you Join them, " +
           "or Join waits for workers that wait for you");
        await Task.Delay(300);
        dataset.Reads.ShouldBe(reads, "after the epoch is left (break), no worker may go on reading items");
        reads.ShouldBeLessThan(400, "the workers should not have read the whole epoch for one batch");
    }
}
