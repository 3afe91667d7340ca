namespace Katas.GpuAndCheckpoints.Tests;

/// <summary>
/// GPU-only tests call your code first, then skip (with the reason) where there is no CUDA device.
/// They are not [GpuFact]s: an exercise test must fail on its stub, and a [GpuFact] on a machine
/// without a GPU is skipped before it can.
/// </summary>
internal static class Cuda
{
    public static void SkipUnlessAvailable() => Assert.SkipUnless(Gpu.Available, Gpu.SkipReason);
}
