using System.Runtime.InteropServices;
using Katas.Grader.Running;
using Katas.Kit;
using Katas.Tooling;
using Katas.Kit.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Grader.Commands;

/// <summary>`katas doctor`: is this machine ready for the katas? Each check says how to fix what is not.</summary>
public sealed class DoctorCommand : Command<CommonSettings>
{
    readonly IAnsiConsole console = AnsiConsole.Console;

    public enum Verdict { Ok, Warning, Problem }

    public sealed record Check(string Name, Verdict Verdict, string Detail, string? Fix = null);

    public override int Execute(CommandContext context, CommonSettings settings, CancellationToken cancellationToken)
    {
        var repo = settings.ResolveRepo();
        var table = new Table().RoundedBorder().AddColumn("").AddColumn("Check").AddColumn("Finding").AddColumn("Fix");
        foreach (var c in Run(repo))
            table.AddRow(c.Verdict switch { Verdict.Ok => "[green]✓[/]", Verdict.Warning => "[yellow]![/]", _ => "[red]✗[/]" },
                Markup.Escape(c.Name), Markup.Escape(c.Detail), Markup.Escape(c.Fix ?? ""));
        console.Write(table);
        return 0;
    }

    public static IEnumerable<Check> Run(string repo)
    {
        yield return DotNet();
        yield return Platform();
        if (OperatingSystem.IsLinux()) yield return LibStdCxx(repo);
        var loads = TorchRuntime.TryLoad(out var problem);
        yield return loads
            ? new Check("TorchSharp", Verdict.Ok, $"libtorch {TorchSharp.torch.__version__} loads (backend {TorchRuntime.Backend})")
            : new Check("TorchSharp", Verdict.Problem, problem ?? "does not load", "see the finding");
        if (loads)
        {
            var cuda = TorchSharp.torch.cuda.is_available();
            var gpu = Facts.GpuName();
            yield return cuda
                ? new Check("CUDA", Verdict.Ok, $"available{(gpu is null ? "" : ": " + gpu)}")
                : new Check("CUDA", Verdict.Warning, gpu is null ? "no NVIDIA GPU: the katas run on the CPU, GPU-only tests are skipped"
                        : $"{gpu} present, but this build's libtorch has no CUDA (backend {TorchRuntime.Backend})",
                    gpu is null ? null : "build with -p:TorchBackend=cuda (or external with PyTorch's CUDA libtorch)");
            var device = Environment.GetEnvironmentVariable(Devices.Variable) ?? "auto";
            Check deviceCheck;
            try { deviceCheck = new Check("Device", Verdict.Ok, $"{Devices.Variable}={device} selects {Devices.Resolve(device, cuda)}"); }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException) { deviceCheck = new Check("Device", Verdict.Problem, e.Message); }
            yield return deviceCheck;
        }
        foreach (var c in Datasets()) yield return c;
        yield return Disk(repo);
    }

    static Check DotNet()
    {
        var version = Environment.Version;
        return version.Major >= 10 ? new Check(".NET", Verdict.Ok, RuntimeInformation.FrameworkDescription)
            : new Check(".NET", Verdict.Problem, RuntimeInformation.FrameworkDescription, "install the .NET 10 SDK");
    }

    static Check Platform()
    {
        var rid = RuntimeInformation.RuntimeIdentifier;
        var supported = (OperatingSystem.IsLinux() || OperatingSystem.IsWindows()) && RuntimeInformation.OSArchitecture == Architecture.X64
                        || OperatingSystem.IsMacOS() && RuntimeInformation.OSArchitecture == Architecture.Arm64;
        return supported ? new Check("Platform", Verdict.Ok, $"{RuntimeInformation.OSDescription} ({rid})")
            : new Check("Platform", Verdict.Problem, $"{RuntimeInformation.OSDescription} ({rid}): libtorch ships for linux-x64, win-x64 and osx-arm64 only");
    }

    /// <summary>The apt source eng/bootstrap-linux.sh adds on Debian 12 (with a pin beside it).</summary>
    const string BootstrapSource = "/etc/apt/sources.list.d/trixie.sources";

    static Check LibStdCxx(string repo)
    {
        var script = Path.Combine(repo, "eng", "bootstrap-linux.sh");
        if (!File.Exists(script)) return new Check("libstdc++", Verdict.Warning, "eng/bootstrap-linux.sh not found");
        var outcome = ProcessRunner.RunAsync("bash", [script, "--check"], repo, null, TimeSpan.FromSeconds(30), null, CancellationToken.None)
            .GetAwaiter().GetResult();
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

    static IEnumerable<Check> Datasets()
    {
        var cache = DatasetCache.FromEnvironment();
        foreach (var (name, info) in DatasetManifest.Default.Datasets)
        {
            var folder = cache.FolderOf(name);
            var good = info.Files.Count(f => DatasetCache.IsValid(Path.Combine(folder, f.Name), f));
            yield return good == info.Files.Count
                ? new Check($"Dataset {name}", Verdict.Ok, $"{good}/{info.Files.Count} files verified (sha256) in {folder}")
                : new Check($"Dataset {name}", Verdict.Warning, $"{good}/{info.Files.Count} files verified in {folder}; the rest download on first use from {string.Join(", ", cache.MirrorsOf(name))}",
                    $"offline? set {DatasetCache.MirrorVariable} to a folder or URL holding the files");
        }
    }

    static Check Disk(string repo)
    {
        var free = new DriveInfo(Path.GetPathRoot(Path.GetFullPath(repo))!).AvailableFreeSpace / (1024.0 * 1024 * 1024);
        return free >= 3 ? new Check("Disk", Verdict.Ok, $"{free:0.0} GB free")
            : new Check("Disk", Verdict.Warning, $"{free:0.0} GB free; libtorch packages and builds need about 3 GB", "free some disk space");
    }
}
