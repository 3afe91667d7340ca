using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using Katas.Grader.Model;
using Katas.Kit;
using Katas.Tooling;

namespace Katas.Grader.Running;

/// <summary>The facts of this machine and run that make two results comparable.</summary>
public static class Facts
{
    public static RunFacts Collect(string repo, GradeOptions options, DateTimeOffset startedAt)
    {
        var torchLoads = TorchRuntime.TryLoad(out _);
        var cuda = torchLoads && SafeCuda();
        return new RunFacts
        {
            Track = options.Track,
            RequestedDevice = options.Device,
            Device = options.Device == "auto" ? (cuda ? "cuda" : "cpu") : options.Device,
            Backend = options.Backend,
            Os = RuntimeInformation.OSDescription.Trim(),
            Cpu = CpuName(),
            Cores = Environment.ProcessorCount,
            Gpu = GpuName(),
            CudaAvailable = cuda,
            TorchSharpVersion = typeof(TorchSharp.torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()
                ?.InformationalVersion.Split('+')[0],
            LibTorchVersion = torchLoads ? LibTorchVersion() : null,
            DotNetVersion = RuntimeInformation.FrameworkDescription,
            Commit = Git(repo, "rev-parse", "--short=12", "HEAD"),
            GraderVersion = typeof(Facts).Assembly.GetName().Version?.ToString() ?? "0",
            StartedAt = startedAt,
        };
    }

    /// <summary>Whether GPU-only tests can run here: libtorch loads and sees a CUDA device.</summary>
    public static bool CudaHere() => TorchRuntime.TryLoad(out _) && SafeCuda();

    static bool SafeCuda()
    {
        try { return TorchSharp.torch.cuda.is_available(); } catch (Exception e) when (e is not OutOfMemoryException) { return false; }
    }

    static string? LibTorchVersion()
    {
        try { return TorchSharp.torch.__version__; } catch (Exception e) when (e is not OutOfMemoryException) { return null; }
    }

    static string CpuName()
    {
        try
        {
            if (File.Exists("/proc/cpuinfo"))
                return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
                    ?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException) { }
        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    /// <summary>The NVIDIA GPU's name, from nvidia-smi where it exists.</summary>
    public static string? GpuName() =>
        Run("nvidia-smi", "--query-gpu=name", "--format=csv,noheader")?.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim();

    public static string? Git(string repo, params string[] args) => Run("git", ["-C", repo, .. args]);

    static string? Run(string file, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args) start.ArgumentList.Add(a);
            using var p = Process.Start(start)!;
            var output = p.StandardOutput.ReadToEnd();
            if (!p.WaitForExit(10_000)) { p.Kill(); return null; }
            return p.ExitCode == 0 && output.Trim().Length > 0 ? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception) { return null; }
    }
}
