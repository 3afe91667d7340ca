namespace Katas.ParallelData;

/// <summary>
/// Given: loading one item of a dataset failed. It names the item's index, so that you can look
/// at that item, and keeps what went wrong as <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class DataLoaderException(long index, Exception inner)
    : Exception($"Loading item {index} of the dataset failed: {inner.GetType().Name}: {inner.Message}", inner)
{
    /// <summary>The index of the item whose loading failed.</summary>
    public long Index { get; } = index;
}
