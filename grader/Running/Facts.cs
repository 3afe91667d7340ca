using System.Runtime.InteropServices;
using Katas.Grader.Layout;
using Katas.Grader.Model;
using Katas.Tooling;

namespace Katas.Grader.Running;

/// <summary>The facts of this machine and run that make two results comparable.</summary>
public static class Facts
{
    /// <param name="torch">What the probe said (<see cref="TorchProbe"/>); null where it was not asked (merging result files).</param>
    public static RunFacts Collect(Course course, GradeOptions options, DateTimeOffset startedAt, TorchFacts? torch)
    {
        var cuda = torch?.Cuda ?? false;
        return new RunFacts
        {
            Track = options.Track,
            RequestedDevice = options.Device,
            Device = options.Device == "auto" ? (cuda ? "cuda" : "cpu") : options.Device,
            Backend = options.Backend,
            Os = RuntimeInformation.OSDescription.Trim(),
            Cpu = MachineFacts.CpuName(),
            Cores = Environment.ProcessorCount,
            Gpu = MachineFacts.GpuName(),
            CudaAvailable = cuda,
            TorchSharpVersion = torch?.TorchSharp ?? course.TorchSharpVersion(),
            LibTorchVersion = torch?.LibTorch,
            DotNetVersion = RuntimeInformation.FrameworkDescription,
            Commit = Git.TryRun(course.Root, "rev-parse", "--short=12", "HEAD"),
            GraderVersion = typeof(Facts).Assembly.GetName().Version?.ToString() ?? "0",
            StartedAt = startedAt,
        };
    }
}
