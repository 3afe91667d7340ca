using System.Reflection;
using System.Runtime.InteropServices;
using Katas.Kit;
using Katas.Tooling;

namespace Katas.Bench.Measuring;

/// <summary>What the numbers were measured on: without it, a table of seconds means little.</summary>
public sealed record Machine(string Os, string Cpu, int Cores, double MemoryGiB, string DotNet, string TorchSharp,
    string LibTorch, string Backend, string Device, int Threads, double? LoadAverageBefore)
{
    public static Machine Describe(Settings settings) => new(
        RuntimeInformation.OSDescription,
        CpuModel(),
        Environment.ProcessorCount,
        Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (double)(1L << 30), 1),
        RuntimeInformation.FrameworkDescription,
        typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
            ?? typeof(torch).Assembly.GetName().Version?.ToString() ?? "unknown",
        torch.__version__,
        TorchRuntime.Backend,
        settings.Device,
        settings.Threads,
        LoadAverage());

    /// <summary>The 1-minute load average (Linux): above the core count, other work competed for the CPU.</summary>
    public static double? LoadAverage() => MachineFacts.LoadAverage();

    // The grader describes its runs with the same reader (Katas.Tooling).
    static string CpuModel() => MachineFacts.CpuName();
}
