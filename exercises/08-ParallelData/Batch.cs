namespace Katas.ParallelData;

/// <summary>
/// Given: one batch, as PyTorch's default collate makes it. Data: float32 [B, 1, 28, 28]; Label:
/// int64 [B]. A batch made on a worker thread belongs to no dispose scope of yours: dispose it
/// (<c>using var batch = ...</c>) when you are done with it.
/// </summary>
public sealed record Batch(Tensor Data, Tensor Label) : IDisposable
{
    public void Dispose()
    {
        Data.Dispose();
        Label.Dispose();
    }
}
