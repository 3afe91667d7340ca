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
        // TODO 1 (README step 1) — make the two clusters.
        //  Draw every random number from one generator seeded with `seed`: the same seed must give
        //  the same points (a test checks it), and a global seed would let other code change them.
        //  Labels are class indices as int64 ("long" in PyTorch): what CrossEntropyLoss expects.
        //  Stuck? `dotnet run --project grader -- hint 1` (concept, then API, then near-code).
        throw new NotImplementedException("TODO 1: make the two Gaussian clusters (Clusters.Make). See README step 1.");
    }
}
