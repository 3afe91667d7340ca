using System.Runtime.InteropServices;
using Katas.Grader.Layout;
using Katas.Grader.Running;
using Katas.Tooling;

namespace Katas.Grader.Core;

/// <summary>`katas doctor`'s checks: is this machine ready for this course? Each says how to fix what is not.</summary>
public static class Doctor
{
    public enum Verdict { Ok, Warning, Problem }

    public sealed record Check(string Name, Verdict Verdict, string Detail, string? Fix = null);

    /// <summary>Every check, about <paramref name="course"/> (its bootstrap script, datasets, disk) and this machine.</summary>
    public static async Task<IReadOnlyList<Check>> RunAsync(Course course, string backend, CancellationToken cancel)
    {
        var checks = new List<Check> { DotNet(), Platform() };
        if (OperatingSystem.IsLinux()) checks.Add(await LibStdCxxAsync(course, cancel).ConfigureAwait(false));
        checks.AddRange(Torch(await TorchProbe.AskAsync(course, backend, fresh: true, cancel).ConfigureAwait(false)));
        checks.AddRange(Datasets(course));
        checks.Add(Disk(course));
        return checks;
    }

    static Check DotNet() =>
        Environment.Version.Major >= 10 ? new Check(".NET", Verdict.Ok, RuntimeInformation.FrameworkDescription)
            : new Check(".NET", Verdict.Problem, RuntimeInformation.FrameworkDescription, "install the .NET 10 SDK");

    static Check Platform()
    {
        var rid = RuntimeInformation.RuntimeIdentifier;
        var supported = (OperatingSystem.IsLinux() || OperatingSystem.IsWindows()) && RuntimeInformation.OSArchitecture == Architecture.X64
                        || OperatingSystem.IsMacOS() && RuntimeInformation.OSArchitecture == Architecture.Arm64;
        return supported ? new Check("Platform", Verdict.Ok, $"{RuntimeInformation.OSDescription} ({rid})")
            : new Check("Platform", Verdict.Problem, $"{RuntimeInformation.OSDescription} ({rid}): libtorch ships for linux-x64, win-x64 and osx-arm64 only");
    }

    /// <summary>What libtorch said through the course's probe, built with the chapters' backend.</summary>
    static IEnumerable<Check> Torch(TorchFacts torch)
    {
        if (torch.Loads != true)
        {
            yield return new Check("TorchSharp", Verdict.Problem, torch.Problem ?? "does not load", "see the finding");
            yield break;
        }
        yield return new Check("TorchSharp", Verdict.Ok, $"TorchSharp {torch.TorchSharp}, libtorch {torch.LibTorch} loads (backend {torch.Backend})");
        var gpu = MachineFacts.GpuName();
        yield return torch.Cuda
            ? new Check("CUDA", Verdict.Ok, $"available{(gpu is null ? "" : ": " + gpu)}")
            : new Check("CUDA", Verdict.Warning, gpu is null ? "no NVIDIA GPU: the katas run on the CPU, GPU-only tests are skipped"
                    : $"{gpu} present, but this build's libtorch has no CUDA (backend {torch.Backend})",
                gpu is null ? null : "build with -p:TorchBackend=cuda (or external with PyTorch's CUDA libtorch)");
        var asked = Environment.GetEnvironmentVariable(Kit.Variables.Device) ?? "auto";
        yield return torch.Device is { } d && !d.StartsWith("error: ", StringComparison.Ordinal)
            ? new Check("Device", Verdict.Ok, $"{Kit.Variables.Device}={asked} selects {d}")
            : new Check("Device", Verdict.Problem, torch.Device?["error: ".Length..] ?? "unknown");
    }

    /// <summary>The apt source eng/bootstrap-linux.sh adds on Debian 12 (with a pin beside it).</summary>
    const string BootstrapSource = "/etc/apt/sources.list.d/trixie.sources";

    static async Task<Check> LibStdCxxAsync(Course course, CancellationToken cancel)
    {
        if (!File.Exists(course.Bootstrap)) return new Check("libstdc++", Verdict.Warning, $"{Course.BootstrapScript} not found");
        var outcome = await ProcessRunner.RunAsync("bash", [course.Bootstrap, "--check"], course.Root, null, TimeSpan.FromSeconds(30), null, cancel)
            .ConfigureAwait(false);
        if (outcome.ExitCode == 0)
            return File.Exists(BootstrapSource)
                ? new Check("libstdc++", Verdict.Ok,
                    "provides GLIBCXX_3.4.32, from Debian 13: eng/bootstrap-linux.sh added the apt source " + BootstrapSource +
                    " (pinned at priority 100), and libc6 with the packages it needs came from Debian 13 too",
                    "to remove the source and pin: sudo rm " + BootstrapSource + " /etc/apt/preferences.d/trixie-pin && sudo apt-get update")
                : new Check("libstdc++", Verdict.Ok, "provides GLIBCXX_3.4.32 (GCC 13+), as TorchSharp 0.107 needs");
        return new Check("libstdc++", Verdict.Problem, "lacks GLIBCXX_3.4.32 (TorchSharp 0.107 needs GCC 13's C++ runtime)",
            "no change to this machine: open the course in its dev container (.devcontainer/). Debian 12: sudo bash eng/bootstrap-linux.sh " +
            "installs libstdc++6 from Debian 13, and with it libc6 and the packages it needs (a partial upgrade): it lists them and asks first; --plan only lists them");
    }

    /// <summary>The course's own datasets (its data/datasets.json) in the cache its chapters read.</summary>
    static IEnumerable<Check> Datasets(Course course)
    {
        var cache = course.Datasets();
        foreach (var (name, info) in cache.Manifest.Datasets)
        {
            var folder = cache.FolderOf(name);
            var good = info.Files.Count(f => Kit.Data.DatasetCache.IsValid(Path.Combine(folder, f.Name), f));
            yield return good == info.Files.Count
                ? new Check($"Dataset {name}", Verdict.Ok, $"{good}/{info.Files.Count} files verified (sha256) in {folder}")
                : new Check($"Dataset {name}", Verdict.Warning, $"{good}/{info.Files.Count} files verified in {folder}; the rest download on first use from {string.Join(", ", cache.MirrorsOf(name))}",
                    $"offline? set {Kit.Data.DatasetCache.MirrorVariable} to a folder or URL holding the files");
        }
    }

    static Check Disk(Course course)
    {
        var free = new DriveInfo(Path.GetPathRoot(course.Root)!).AvailableFreeSpace / (1024.0 * 1024 * 1024);
        return free >= 3 ? new Check("Disk", Verdict.Ok, $"{free:0.0} GB free")
            : new Check("Disk", Verdict.Warning, $"{free:0.0} GB free; libtorch packages and builds need about 3 GB", "free some disk space");
    }
}
