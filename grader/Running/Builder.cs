using System.Text.RegularExpressions;
using Katas.Grader.Model;
using Katas.Kit;

namespace Katas.Grader.Running;

/// <summary>Builds one chapter with `dotnet build` and reports its compile errors in a readable form.</summary>
public static partial class Builder
{
    /// <param name="TestAssembly">The built test assembly (MSBuild's TargetPath), when the build succeeded.</param>
    public sealed record Outcome(bool Succeeded, IReadOnlyList<BuildError> Errors, string? Problem, TimeSpan Duration, string? TestAssembly = null);

    public static async Task<Outcome> BuildAsync(string repo, Chapter chapter, GradeOptions options, CancellationToken cancel)
    {
        var log = Path.Combine(GradeOptions.WorkFolder(repo), $"build-{chapter.Id}-{options.Track}.log");
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        File.Delete(log);
        string[] args =
        [
            // -noAutoResponse: no Directory.Build.rsp (nor MSBuild.rsp) may add switches to our build.
            "build", chapter.Project, "-nologo", "-noAutoResponse", "-v:q", "-clp:NoSummary", "-nodeReuse:false",
            $"-p:KataTrack={options.Track}", $"-p:TorchBackend={options.Backend}",
            $"-flp1:logfile={log};errorsonly",
            // Where the assembly went depends on the build files the repository uses: ask MSBuild.
            // (-getProperty alone only evaluates; with -t:Build it builds, then answers.)
            "-t:Build", "-getProperty:TargetPath",
        ];
        // The build server of the compiler may keep our output pipe open after the build ends:
        // completion is the process's exit, not the end of its output.
        var output = new List<string>();
        var outcome = await ProcessRunner.RunAsync("dotnet", args, repo, null, options.BuildTimeout, line => { lock (output) output.Add(line); }, cancel,
            drainAfterExit: TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        if (outcome.TimedOut)
            return new(false, [], $"the build did not finish within {options.BuildTimeout.TotalSeconds:0} s", outcome.Duration);
        var errors = File.Exists(log) ? ParseErrors(File.ReadLines(log), repo) : [];
        if (outcome.ExitCode == 0)
        {
            string? target;
            lock (output) target = output.LastOrDefault(l => l.Trim().EndsWith(".dll", StringComparison.OrdinalIgnoreCase))?.Trim();
            return target is not null && File.Exists(target)
                ? new(true, [], null, outcome.Duration, target)
                : new(false, [], "the build succeeded but MSBuild did not say where the test assembly is", outcome.Duration);
        }
        return new(false, errors, errors.Count == 0 ? "the build failed: " + Tail(outcome.StandardError) : null, outcome.Duration);
    }

    /// <summary>MSBuild's "file(line,col): error CODE: message [project]" lines, paths relative to the repository.</summary>
    public static IReadOnlyList<BuildError> ParseErrors(IEnumerable<string> lines, string repo)
    {
        var root = Path.GetFullPath(repo).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var errors = new List<BuildError>();
        foreach (var line in lines)
        {
            var m = ErrorLine().Match(line);
            if (!m.Success) continue;
            var file = m.Groups["file"].Value.Trim();
            if (file.StartsWith(root, StringComparison.Ordinal)) file = file[root.Length..];
            var error = new BuildError(file.Replace('\\', '/'),
                m.Groups["line"].Success ? int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
                m.Groups["col"].Success ? int.Parse(m.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
                m.Groups["code"].Value, m.Groups["message"].Value.Trim());
            if (!errors.Contains(error)) errors.Add(error);
        }
        return errors;
    }

    static string Tail(string text) => string.Join(" ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(3)).Trim();

    [GeneratedRegex(@"^\s*(\d+(:\d+)?>)?\s*(?<file>[^(]*?)(\((?<line>\d+),(?<col>\d+)\))?\s*:\s*error\s+(?<code>[A-Z]+\d+)\s*:\s*(?<message>.*?)(\s+\[[^\]]+\])?$")]
    private static partial Regex ErrorLine();
}
