namespace Katas.Tooling;

/// <summary>
/// What a sandboxed process may see. Everything not named here is absent from its file system:
/// the system's programs and libraries (read-only), the .NET SDK and the NuGet packages (read-only),
/// then the folders of <see cref="ReadOnly"/>, <see cref="Writable"/> and <see cref="Hidden"/>, in
/// that order, so that a writable or hidden folder may lie inside a read-only one.
/// </summary>
public sealed record SandboxSpec
{
    /// <summary>Folders it reads (the workspace, the dataset cache).</summary>
    public IReadOnlyList<string> ReadOnly { get; init; } = [];

    /// <summary>Folders it writes (build outputs, its own pictures folder). Must exist.</summary>
    public IReadOnlyList<string> Writable { get; init; } = [];

    /// <summary>Folders inside those above that it must not see at all (solutions/): an empty folder in their place.</summary>
    public IReadOnlyList<string> Hidden { get; init; } = [];

    /// <summary>The whole environment of the process (nothing of the grader's own is passed on).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>GPU device files (/dev/nvidia*) are passed through, for a CUDA run.</summary>
    public bool Gpu { get; init; }
}

/// <summary>
/// Runs a process in an operating-system sandbox made with bubblewrap (bwrap, the sandbox of
/// Flatpak): new user, PID, network, IPC, UTS and cgroup namespaces, uid 1000 with no
/// capabilities, a private /tmp and home, no network at all, a scrubbed environment, and a file
/// system that holds only what <see cref="SandboxSpec"/> names. The process cannot see the
/// grader's processes (its own PID namespace), and it dies with the grader.
/// Linux only; elsewhere, or where bwrap is missing or does not work (a container that forbids
/// user namespaces), <see cref="Available"/> is false and <see cref="Why"/> says why.
/// </summary>
public static class Sandbox
{
    static readonly Lazy<(string? Path, string Why)> Probe = new(FindAndTry);

    /// <summary>Whether processes can be sandboxed on this machine.</summary>
    public static bool Available => Probe.Value.Path is not null;

    /// <summary>Why they cannot, or the bwrap that is used.</summary>
    public static string Why => Probe.Value.Why;

    /// <summary>How to install it, for messages.</summary>
    public const string HowToInstall = "sudo apt-get install bubblewrap (Debian/Ubuntu), sudo dnf install bubblewrap (Fedora)";

    /// <summary>The home folder inside the sandbox (an empty, private tmpfs).</summary>
    public const string Home = "/home/katas";

    /// <summary>The command line that runs <paramref name="fileName"/> with <paramref name="arguments"/> in the sandbox.</summary>
    public static (string FileName, IReadOnlyList<string> Arguments) Wrap(string fileName, IEnumerable<string> arguments, string workingDirectory,
        SandboxSpec spec)
    {
        var bwrap = Probe.Value.Path ?? throw new InvalidOperationException($"No sandbox here: {Why}");
        var args = new List<string>
        {
            "--unshare-all", "--die-with-parent", "--new-session", "--uid", "1000", "--gid", "1000", "--hostname", "katas",
        };
        args.AddRange(SystemFolders());
        args.AddRange(["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--tmpfs", Home]);
        if (spec.Gpu)
            foreach (var device in Directory.Exists("/dev") ? Directory.EnumerateFiles("/dev", "nvidia*") : [])
                args.AddRange(["--dev-bind", device, device]);
        foreach (var folder in Tools()) args.AddRange(["--ro-bind", folder, folder]);
        foreach (var folder in spec.ReadOnly) args.AddRange(["--ro-bind", Full(folder), Full(folder)]);
        foreach (var folder in spec.Writable) args.AddRange(["--bind", Full(folder), Full(folder)]);
        foreach (var folder in spec.Hidden.Where(Directory.Exists)) args.AddRange(["--tmpfs", Full(folder)]);
        // The sandbox's own root (a tmpfs holding the mount points) is read-only too: only /tmp, the
        // home folder and the writable folders take writes.
        args.AddRange(["--remount-ro", "/"]);
        args.Add("--clearenv");
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = $"{Path.GetDirectoryName(DotnetHost())}:/usr/local/bin:/usr/bin:/bin",
            ["HOME"] = Home, ["TMPDIR"] = "/tmp", ["LANG"] = "C.UTF-8",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1", ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "1", ["DOTNET_ROOT"] = DotnetRoot(),
            ["NUGET_PACKAGES"] = PackagesFolder(),
        };
        foreach (var (k, v) in spec.Environment) env[k] = v;
        foreach (var (k, v) in env) args.AddRange(["--setenv", k, v]);
        args.AddRange(["--chdir", Full(workingDirectory), "--", fileName]);
        args.AddRange(arguments);
        // --die-with-parent kills the sandbox when the process that started bwrap ends: the *thread*
        // that started it, for the kernel (PR_SET_PDEATHSIG), and .NET starts processes from pool
        // threads that retire when idle (tests were killed at ~50 s). So a shell starts bwrap and
        // waits for it: its one thread lives exactly as long as the run, and killing it (the
        // time-out, the process group) kills the sandbox and everything in it. Not `exec`: the
        // shell must stay bwrap's parent.
        return ("/bin/sh", ["-c", "\"$@\"; exit $?", "katas-sandbox", bwrap, .. args]);
    }

    static string Full(string path) => Path.GetFullPath(path).TrimEnd('/') is { Length: > 0 } p ? p : "/";

    /// <summary>/usr read-only, and the merged-usr links (/bin -> usr/bin ...) as links, or as folders where they are folders.</summary>
    static IEnumerable<string> SystemFolders()
    {
        yield return "--ro-bind"; yield return "/usr"; yield return "/usr";
        // /etc: the loader's cache, passwd/group, SSL roots, os-release. Read-only; nothing secret
        // there is readable by an unprivileged user.
        yield return "--ro-bind"; yield return "/etc"; yield return "/etc";
        foreach (var top in new[] { "/bin", "/sbin", "/lib", "/lib32", "/lib64" })
        {
            var info = new FileInfo(top);
            if (info.LinkTarget is { } target) { yield return "--symlink"; yield return target; yield return top; }
            else if (Directory.Exists(top)) { yield return "--ro-bind"; yield return top; yield return top; }
        }
        // What the runtime and libtorch read about the CPU and the cgroup's limits.
        foreach (var sys in new[] { "/sys/devices/system/cpu", "/sys/fs/cgroup" })
        {
            yield return "--ro-bind-try"; yield return sys; yield return sys;
        }
    }

    /// <summary>The SDK and the package folders, read-only: a build in the sandbox restores nothing from the network.</summary>
    static IEnumerable<string> Tools() =>
        new[] { DotnetRoot(), PackagesFolder(), "/opt/nuget/packages" }
            .Where(Directory.Exists).Where(f => !f.StartsWith("/usr/", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal);

    /// <summary>The dotnet executable that runs here (on PATH, links followed).</summary>
    public static string DotnetHost()
    {
        var root = System.Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (root is not null && File.Exists(Path.Combine(root, "dotnet"))) return Path.Combine(root, "dotnet");
        foreach (var dir in (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "dotnet");
            if (!File.Exists(candidate)) continue;
            return new FileInfo(candidate).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? candidate;
        }
        return "/usr/share/dotnet/dotnet";
    }

    static string DotnetRoot() => Path.GetDirectoryName(DotnetHost())!;

    /// <summary>NuGet's global packages folder (NUGET_PACKAGES, else ~/.nuget/packages).</summary>
    public static string PackagesFolder() =>
        System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p ? Path.GetFullPath(p)
            : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    static readonly string[] Candidates = ["/usr/bin/bwrap", "/usr/local/bin/bwrap", "/bin/bwrap"];

    static readonly string[] ProbeArguments =
        ["--unshare-all", "--die-with-parent", "--uid", "1000", "--gid", "1000", "--ro-bind", "/", "/", "--proc", "/proc", "--dev", "/dev", "true"];

    static (string?, string) FindAndTry()
    {
        if (!OperatingSystem.IsLinux()) return (null, "the sandbox (bubblewrap) exists on Linux only");
        var bwrap = Candidates.FirstOrDefault(File.Exists);
        if (bwrap is null) return (null, $"bubblewrap (bwrap) is not installed: {HowToInstall}");
        // It is installed; does it work here (user namespaces may be forbidden, as in some containers)?
        try
        {
            var (file, args) = (bwrap, ProbeArguments);
            var start = new System.Diagnostics.ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in args) start.ArgumentList.Add(a);
            using var process = System.Diagnostics.Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(10_000)) { process.Kill(); return (null, $"{bwrap} did not answer within 10 s"); }
            return process.ExitCode == 0 ? (bwrap, bwrap)
                : (null, $"{bwrap} cannot make a sandbox here: {error.Result.Trim()} (user namespaces may be disabled: sysctl kernel.unprivileged_userns_clone, or an AppArmor profile)");
        }
        catch (System.ComponentModel.Win32Exception e) { return (null, $"{bwrap} cannot be started: {e.Message}"); }
    }
}
