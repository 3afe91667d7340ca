using Katas.Grader.Layout;
using System.Text.RegularExpressions;
using Katas.Grader.Model;
using Katas.Tooling;

namespace Katas.Grader.Running;

/// <summary>
/// Builds chapters with one `dotnet build` (MSBuild builds them side by side, and restores, starts
/// and loads the Kit once for all of them) and reports each chapter's compile errors in a readable
/// form. A chapter that does not compile does not stop the others.
/// </summary>
public static partial class Builder
{
    /// <param name="TestAssembly">The built test assembly (MSBuild's TargetPath), when the build succeeded.</param>
    /// <param name="Duration">The whole build's time (shared by the chapters built together).</param>
    public sealed record Outcome(bool Succeeded, IReadOnlyList<BuildError> Errors, string? Problem, TimeSpan Duration, string? TestAssembly = null);

    /// <summary>Builds the chapters together; one outcome per chapter id.</summary>
    /// <param name="properties">More global properties for the build (the step walk's gated sources, say).</param>
    public static async Task<IReadOnlyDictionary<string, Outcome>> BuildAllAsync(string repo, IReadOnlyList<Chapter> chapters, GradeOptions options,
        CancellationToken cancel, IReadOnlyDictionary<string, string>? properties = null)
    {
        var work = Path.Combine(Course.Unchecked(repo).WorkFolder, $"build-{options.Track}");
        Directory.CreateDirectory(work);
        // The traversal lists the assembly of every chapter that built; a chapter missing from the
        // list did not build. (A failed build leaves the assembly of an earlier build in bin/,
        // which must never be run as this one's.)
        var built = Path.Combine(work, "built.txt");
        File.Delete(built);
        // What the compiler is given, per chapter (eng/Kata.targets): never a previous build's.
        var compileInputs = Allowlist.CompileInputs.Folder(repo, options.Track);
        if (Directory.Exists(compileInputs)) Directory.Delete(compileInputs, recursive: true);
        var log = Path.Combine(work, "errors.log");
        File.Delete(log);
        var traversal = Path.Combine(work, "chapters.proj");
        await File.WriteAllTextAsync(traversal, Traversal(chapters.Select(c => c.Project), built), cancel).ConfigureAwait(false);

        string[] args =
        [
            // -noAutoResponse: no Directory.Build.rsp (nor MSBuild.rsp) may add switches to our build.
            "build", traversal, "-nologo", "-noAutoResponse", "-v:q", "-clp:NoSummary", "-nodeReuse:false",
            $"-m:{Nodes(chapters.Count, Environment.ProcessorCount)}",
            $"-p:KataTrack={options.Track}", $"-p:TorchBackend={options.Backend}",
            // The entry point that signs the results, and the compile inputs for the allowlist (eng/Testing.props, eng/Kata.targets).
            "-p:KatasGraded=true",
            // A sandbox has no network: NuGet's vulnerability audit, which asks nuget.org, is the normal restore's job.
            .. options.Sandbox == SandboxMode.Required ? ["-p:NuGetAudit=false"] : Array.Empty<string>(),
            .. (properties ?? new Dictionary<string, string>()).Select(p => $"-p:{p.Key}={p.Value}"),
            $"-flp1:logfile={log};errorsonly",
        ];
        // The build server of the compiler may keep our output pipe open after the build ends:
        // completion is the process's exit, not the end of its output.
        var output = new List<string>();
        var sandboxed = options.Sandbox == SandboxMode.Required;
        async Task<ProcessOutcome> Build() => await ProcessRunner.RunAsync("dotnet", args, repo, null, options.BuildTimeout,
            line => { lock (output) output.Add(line); }, cancel, drainAfterExit: TimeSpan.FromSeconds(1),
            sandbox: sandboxed ? BuildSandbox(repo, options) : null).ConfigureAwait(false);
        var outcome = await Build().ConfigureAwait(false);
        var errors = File.Exists(log) ? ParseErrors(File.ReadLines(log), repo) : [];
        if (sandboxed && !outcome.TimedOut && errors.Any(e => e.Error.Code == NoNetwork))
        {
            // The sandbox has no network, and a package the course needs is not in the packages
            // folder yet (a fresh machine, a course never built here). Restore outside the sandbox,
            // then build again inside it. Only MSBuild's own files are read by a restore, and they
            // are the course's (Workspace.Needed); the learner's code is not compiled or run.
            var restore = await ProcessRunner.RunAsync("dotnet", ["restore", .. args[1..^1]], repo, null, options.BuildTimeout,
                _ => { }, cancel).ConfigureAwait(false);
            if (restore.ExitCode == 0)
            {
                lock (output) output.Clear();
                File.Delete(log);
                outcome = await Build().ConfigureAwait(false);
                errors = File.Exists(log) ? ParseErrors(File.ReadLines(log), repo) : [];
            }
        }
        if (outcome.TimedOut)
            return chapters.ToDictionary(c => c.Id, _ => new Outcome(false, [], $"the build did not finish within {options.BuildTimeout.TotalSeconds:0} s", outcome.Duration));

        var assemblies = (File.Exists(built) ? File.ReadAllLines(built) : [])
            .Select(l => l.Split('|')).Where(p => p.Length == 2)
            .ToDictionary(p => Path.GetFullPath(p[0]), p => p[1].Trim(), StringComparer.Ordinal);
        // Errors by the project they were reported for; those of no chapter (the Kit, the restore)
        // are what stopped a chapter that has none of its own.
        var located = errors.Select(e => (e.Error, Project: e.Project is null ? null : Path.GetFullPath(Path.Combine(repo, e.Project)))).ToList();
        var byProject = located.ToLookup(e => e.Project, StringComparer.Ordinal);
        var chapterPaths = chapters.Select(c => Path.GetFullPath(c.Project)).ToHashSet(StringComparer.Ordinal);
        var others = located.Where(e => e.Project is null || !chapterPaths.Contains(e.Project)).Select(e => e.Error).Distinct().ToList();
        var results = new Dictionary<string, Outcome>(StringComparer.Ordinal);
        foreach (var chapter in chapters)
        {
            var path = Path.GetFullPath(chapter.Project);
            var own = byProject[path].Select(e => e.Error).ToList();
            if (own.Count == 0 && assemblies.TryGetValue(path, out var target) && File.Exists(target))
                results[chapter.Id] = new(true, [], null, outcome.Duration, target);
            else
                results[chapter.Id] = own.Count > 0 ? new(false, own, null, outcome.Duration)
                    : others.Count > 0 ? new(false, others, null, outcome.Duration)
                    : new(false, [], "the build failed: " + Tail(outcome.StandardError.Length > 0 ? outcome.StandardError : Lines(output)), outcome.Duration);
        }
        return results;
    }

    /// <summary>
    /// What a sandboxed build sees: the workspace read-only, its artifacts/ writable (outputs, the
    /// grader's traversal and logs), the SDK and the NuGet packages read-only, no network (every
    /// package the course needs is already in the packages folder, or is restored outside the sandbox
    /// first), and no solutions/ unless they are what is graded.
    /// </summary>
    /// <summary>NuGet could not reach a package source: in the sandbox, a package missing from the packages folder.</summary>
    const string NoNetwork = "NU1301";

    static SandboxSpec BuildSandbox(string repo, GradeOptions options)
    {
        var artifacts = Course.Unchecked(repo).Artifacts;
        Directory.CreateDirectory(artifacts);
        return new SandboxSpec
        {
            ReadOnly = [repo], Writable = [artifacts],
            Hidden = options.Track == GradeOptions.SolutionsTrack ? [] : [Course.Unchecked(repo).Solutions],
            Environment = new Dictionary<string, string> { ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0", ["MSBUILDDISABLENODEREUSE"] = "1" },
        };
    }

    /// <summary>
    /// How many MSBuild processes build the chapters: one per two cores, at most one per chapter.
    /// Each worker is another MSBuild that starts cold (the grader never reuses nodes), and the C#
    /// compiler already uses more than one core on its own. On 2 cores one process is faster than
    /// two and costs half the CPU: 28 s instead of 33-38 s to recompile the eight chapters
    /// (44 instead of 64-72 CPU-seconds), 4.0 s instead of 5.8 s for one chapter.
    /// </summary>
    public static int Nodes(int chapters, int cores) => Math.Max(1, Math.Min(chapters, cores / 2));

    /// <summary>
    /// A project that builds the chapters side by side, each to the end even when another fails,
    /// then asks each for its assembly again, one by one: MSBuild answers from the results it has
    /// (nothing builds twice), and a chapter that failed answers nothing.
    /// </summary>
    static string Traversal(IEnumerable<string> projects, string builtList)
    {
        var items = string.Join("\n", projects.Select(p => $"    <Chapter Include=\"{Xml(MsBuildEscape(Path.GetFullPath(p)))}\" />"));
        return $"""
            <Project DefaultTargets="Build">
              <!-- Written by the grader (Builder.cs). -->
              <ItemGroup>
            {items}
              </ItemGroup>
              <Target Name="Restore">
                <MSBuild Projects="@(Chapter)" Targets="Restore" />
              </Target>
              <Target Name="Build">
                <MSBuild Projects="@(Chapter)" Targets="Build" BuildInParallel="true" ContinueOnError="true" />
                <MSBuild Projects="%(Chapter.Identity)" Targets="Build" ContinueOnError="true">
                  <Output TaskParameter="TargetOutputs" ItemName="Built" />
                </MSBuild>
                <WriteLinesToFile File="{Xml(MsBuildEscape(builtList))}" Lines="@(Built->'%(MSBuildSourceProjectFile)|%(FullPath)')" Overwrite="true" />
              </Target>
            </Project>
            """;
    }

    static string Xml(string text) => System.Security.SecurityElement.Escape(text);

    // MSBuild reads % $ @ ' ; * ? in an item's Include as syntax.
    static string MsBuildEscape(string path)
    {
        var text = new System.Text.StringBuilder();
        foreach (var c in path)
            text.Append(c is '%' or '$' or '@' or '\'' or ';' or '*' or '?' ? $"%{(int)c:X2}" : c.ToString());
        return text.ToString();
    }

    /// <summary>An error, and the project (relative to the repository) MSBuild reported it for.</summary>
    public sealed record ProjectError(BuildError Error, string? Project);

    /// <summary>MSBuild's "file(line,col): error CODE: message [project]" lines, paths relative to the repository.</summary>
    public static IReadOnlyList<ProjectError> ParseErrors(IEnumerable<string> lines, string repo)
    {
        var root = Path.GetFullPath(repo).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        string Relative(string path) => (path.StartsWith(root, StringComparison.Ordinal) ? path[root.Length..] : path).Replace('\\', '/');
        var errors = new List<ProjectError>();
        foreach (var line in lines)
        {
            var m = ErrorLine().Match(line);
            if (!m.Success) continue;
            var error = new BuildError(Relative(m.Groups["file"].Value.Trim()),
                m.Groups["line"].Success ? int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
                m.Groups["col"].Success ? int.Parse(m.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
                m.Groups["code"].Value, m.Groups["message"].Value.Trim());
            var found = new ProjectError(error, m.Groups["project"].Success ? Relative(m.Groups["project"].Value.Trim()) : null);
            if (!errors.Contains(found)) errors.Add(found);
        }
        return errors;
    }

    static string Lines(List<string> output)
    {
        lock (output) return string.Join('\n', output);
    }

    static string Tail(string text) => string.Join(" ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(3)).Trim();

    [GeneratedRegex(@"^\s*(\d+(:\d+)?>)?\s*(?<file>[^(]*?)(\((?<line>\d+),(?<col>\d+)\))?\s*:\s*error\s+(?<code>[A-Z]+\d+)\s*:\s*(?<message>.*?)(\s+\[(?<project>[^\]]+)\])?$")]
    private static partial Regex ErrorLine();
}
