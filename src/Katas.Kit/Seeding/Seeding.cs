using TorchSharp;

namespace Katas.Kit;

/// <summary>Deterministic runs: the same seed gives the same tensors, shuffles and weights.</summary>
public static class Seeding
{
    /// <summary>
    /// Seeds libtorch's generators (CPU and every CUDA device) and returns a .NET
    /// <see cref="Random"/> seeded the same way, for any randomness outside torch.
    /// </summary>
    public static Random Seed(int seed)
    {
        TorchRuntime.EnsureLoaded();
        torch.manual_seed(seed);
        if (torch.cuda.is_available()) torch.cuda.manual_seed_all(seed);
        return new Random(seed);
    }
}
