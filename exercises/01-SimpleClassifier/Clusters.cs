namespace Katas.SimpleClassifier;

/// <summary>The data of chapter 1: two clouds of 2-D points, one per class.</summary>
public static class Clusters
{
    /// <summary>
    /// Makes <paramref name="perClass"/> points of class 0 around (2, 2) and as many of class 1
    /// around (-2, -2), each coordinate drawn from a normal distribution with standard deviation 1.
    /// </summary>
    /// <returns>
    /// X: float32 [2 * perClass, 2], the class-0 points first; Y: int64 [2 * perClass], the labels
    /// (perClass zeros, then perClass ones).
    /// </returns>
    public static (Tensor X, Tensor Y) Make(int perClass, int seed)
    {
        // TODO 1 — make the two clusters.
        //  - For reproducible data, draw from a generator seeded with `seed`:
        //        var g = new torch.Generator((ulong)seed);
        //        torch.randn(perClass, 2, generator: g)   // mean 0, std 1
        //  - Shift one cloud by +2 and the other by -2, then torch.cat them (dim 0).
        //  - Labels: torch.zeros(perClass, dtype: int64) and torch.ones(...), concatenated.
        //    CrossEntropyLoss wants class indices as int64 ("long" in PyTorch).
        throw new NotImplementedException("TODO 1: make the two Gaussian clusters (Clusters.Make). See README step 1.");
    }
}
