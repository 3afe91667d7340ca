namespace Katas.ParallelData;

/// <summary>Makes one batch: reads its items and stacks them (PyTorch's fetch + default_collate).</summary>
public static class Fetcher
{
    /// <summary>
    /// Reads the items at <paramref name="indices"/> and stacks them into one batch, in that order.
    /// An item that fails becomes a <see cref="DataLoaderException"/> that names its index.
    /// </summary>
    /// <exception cref="DataLoaderException">Thrown for an item of the dataset that failed; it carries the item's index and the original exception as its inner one.</exception>
    public static Batch Fetch(torch.utils.data.Dataset dataset, long[] indices)
    {
        // TODO 4 — fetch and collate.
        //  - using var scope = torch.NewDisposeScope();   the items are temporaries
        //  - for each index: dataset.GetTensor(index), inside try/catch: rethrow any exception as
        //    new DataLoaderException(index, e), so that whoever sees it knows which item broke.
        //  - torch.stack the items' "data" (-> [B, 1, 28, 28]) and their "label" (-> [B]), and
        //    .MoveToOuterDisposeScope() both, so that they outlive the scope: new Batch(data, label).
        throw new NotImplementedException("TODO 4: fetch the items and stack them (Fetcher.Fetch). See README step 4.");
    }
}
