using System.Runtime.CompilerServices;
using Xunit;

namespace Katas.Kit.Testing;

/// <summary>
/// A test that needs a CUDA device. Where there is none it is skipped, visibly, with the reason;
/// where there is one, it runs.
/// </summary>
public sealed class GpuFactAttribute : FactAttribute
{
    public GpuFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        Skip = Gpu.SkipReason;
        SkipType = typeof(Gpu);
        SkipUnless = nameof(Gpu.Available);
    }
}

/// <summary>The question GPU-only tests ask, answered once per test process.</summary>
public static class Gpu
{
    public const string SkipReason =
        "needs a CUDA GPU: none is available here (no NVIDIA GPU, or the katas were built with the cpu backend; " +
        "see README.md, 'Backends')";

    static readonly Lazy<bool> IsAvailable = new(() => Devices.CudaAvailable);

    public static bool Available => IsAvailable.Value;
}
