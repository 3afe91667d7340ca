namespace Katas.SimpleClassifier;

/// <summary>The data of chapter 1: two clouds of 2-D points, one per class.</summary>
public static class Clusters
{
    public static (Tensor X, Tensor Y) Make(int perClass, int seed)
    {
        using var g = new torch.Generator((ulong)seed);
        var x0 = torch.randn(perClass, 2, generator: g) + 2;
        var x1 = torch.randn(perClass, 2, generator: g) - 2;
        var y0 = torch.zeros(perClass, dtype: int64);
        var y1 = torch.ones(perClass, dtype: int64);
        return (torch.cat([x0, x1], dim: 0), torch.cat([y0, y1], dim: 0));
    }
}
