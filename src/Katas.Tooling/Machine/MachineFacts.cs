using System.Runtime.InteropServices;

namespace Katas.Tooling;

/// <summary>
/// What a machine is, read without libtorch: the grader and the bench describe their runs with it,
/// so that two results can be compared. (What libtorch sees, CUDA included, only a process that
/// loads it can say: the chapters' probe.)
/// </summary>
public static class MachineFacts
{
    /// <summary>The CPU's model name (/proc/cpuinfo), else the architecture.</summary>
    public static string CpuName()
    {
        try
        {
            var line = File.Exists("/proc/cpuinfo")
                ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
            if (line is not null) return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    /// <summary>The 1-minute load average (Linux): above the core count, other work competed for the CPU.</summary>
    public static double? LoadAverage()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary>The first NVIDIA GPU's name, from nvidia-smi where it exists; null otherwise.</summary>
    public static string? GpuName()
    {
        try
        {
            var lines = new List<string>();
            var outcome = ProcessRunner.RunAsync("nvidia-smi", ["--query-gpu=name", "--format=csv,noheader"], Directory.GetCurrentDirectory(), null,
                TimeSpan.FromSeconds(10), line => { lock (lines) lines.Add(line); }, CancellationToken.None).GetAwaiter().GetResult();
            lock (lines) return outcome.ExitCode == 0 ? lines.Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) : null;
        }
        catch (System.ComponentModel.Win32Exception) { return null; } // no nvidia-smi: no NVIDIA driver
    }
}
