namespace Katas.ParallelData;

/// <summary>Makes one batch: reads its items and stacks them (PyTorch's fetch + default_collate).</summary>
public static class Fetcher
{
    /// <summary>
    /// Reads the items at <paramref name="indices"/> and stacks them into one batch, in that order:
    /// Data float32 [B, 1, 28, 28], Label int64 [B], row k being item indices[k]. The batch is the
    /// caller's (alive after Fetch returns, disposed by whoever takes it); the items themselves are
    /// freed before Fetch returns. An item that fails becomes a <see cref="DataLoaderException"/>
    /// that names its index.
    /// </summary>
    /// <exception cref="DataLoaderException">Thrown for an item of the dataset that failed; it carries the item's index and the original exception as its inner one.</exception>
    public static Batch Fetch(torch.utils.data.Dataset dataset, long[] indices)
    {
        // TODO 4 — PyTorch's fetch and default_collate. A batch of 64 digits makes 128 small tensors
        //  that nobody needs once they are stacked: native memory that must be freed now, not when
        //  the garbage collector gets round to it, while the batch itself lives on. And an error
        //  deep in a data set of 60 000 items is only useful if it says which item.
        throw new NotImplementedException("TODO 4: fetch the items and stack them (Fetcher.Fetch). See README step 4.");
    }
}
