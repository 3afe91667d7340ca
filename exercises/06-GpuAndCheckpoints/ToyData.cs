namespace Katas.GpuAndCheckpoints;

/// <summary>
/// Given to you (not an exercise): a small classification problem made up on the spot, so that this
/// chapter needs no download. Each point's class is decided by a fixed random linear "teacher".
/// </summary>
public static class ToyData
{
    /// <returns>X: float32 [count, features]; Y: int64 [count], classes 0..classes-1.</returns>
    public static (Tensor X, Tensor Y) Make(int count, int features, int classes, int seed)
    {
        using var g = new torch.Generator((ulong)seed);
        var teacher = torch.randn(features, classes, generator: g);
        var x = torch.randn(count, features, generator: g);
        return (x, x.matmul(teacher).argmax(1));
    }
}
