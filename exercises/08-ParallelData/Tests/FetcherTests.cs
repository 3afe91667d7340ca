namespace Katas.ParallelData.Tests;

public class FetcherTests
{
    [Fact, Points(2), Step(4)]
    public void Fetch_stacks_the_items_of_the_indices_into_one_batch_in_their_order()
    {
        var dataset = new IndexDataset(10);

        using var batch = Fetcher.Fetch(dataset, [7, 2, 9]);

        (batch.Data.IsInvalid || batch.Label.IsInvalid).ShouldBeFalse(
            "the batch's tensors were disposed when Fetch returned: move them out of Fetch's dispose scope (MoveToOuterDisposeScope)");

        batch.Data.shape.ShouldBe([3L, 1, 28, 28], "data: the items' [1, 28, 28] stacked along a new first dimension");
        batch.Label.shape.ShouldBe([3L], "label: one per item");
        batch.Label.ShouldEqual(torch.tensor(new long[] { 7, 2, 9 }), "the batch holds the items in the order of the indices");
        batch.Data[.., 0, 0, 0].ShouldEqual(torch.tensor(new float[] { 7, 2, 9 }), "data row k is item indices[k]");
    }

    [Fact, Points(2), Step(4)]
    public void Fetch_names_the_index_of_an_item_that_fails()
    {
        var dataset = new IndexDataset(10, failAt: 6);

        var error = Should.Throw<DataLoaderException>(() => Fetcher.Fetch(dataset, [4, 5, 6, 7]),
            "wrap an item's failure in DataLoaderException(index, e), so that the learner knows which item broke");

        error.Index.ShouldBe(6);
        error.InnerException.ShouldBeOfType<InvalidOperationException>("keep the original exception as the inner one");
    }
}
