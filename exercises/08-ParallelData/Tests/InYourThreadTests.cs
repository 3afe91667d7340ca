namespace Katas.ParallelData.Tests;

/// <summary>
/// Step 5 on its own: the loader with numWorkers = 0 (PyTorch's num_workers=0), every batch made
/// on your thread. The workers of step 6 are not needed yet.
/// </summary>
public class InYourThreadTests
{
    [Fact, Points(1), Step(5)]
    public void Without_workers_an_epoch_delivers_every_index_once_in_order_in_batches()
    {
        var loader = new ParallelLoader(new IndexDataset(23), batchSize: 10);

        var labels = TestData.Labels(loader.Epoch(0));

        labels.ShouldBeTheSameSequenceAs(Enumerable.Range(0, 23).Select(i => (long)i).ToList(),
            "with numWorkers = 0 and no shuffle, the epoch is Fetch of each of the sampler's batches, in turn");
    }

    [Fact, Points(1), Step(5)]
    public void Without_workers_a_failing_item_surfaces_with_its_index()
    {
        var loader = new ParallelLoader(new IndexDataset(12, failAt: 7), batchSize: 5);

        var error = Should.Throw<DataLoaderException>(() => TestData.Labels(loader.Epoch(0)),
            "Fetch's DataLoaderException reaches whoever reads the epoch");

        error.Index.ShouldBe(7);
    }
}
