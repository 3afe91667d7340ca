using Katas.Grader.Layout;
using Katas.Tooling;

namespace Katas.Grader.Running;

/// <summary>
/// `katas watch`'s fast path. After a save that changed only what the chapter's .cs files say, the
/// chapter is compiled again by the C# compiler's build server, with the command line its last
/// whole build recorded (eng/Kata.targets): the same compiler, arguments, analyzers and
/// warnings-as-errors, without MSBuild's start, evaluation and up-to-date checks of the Kit (most of
/// the 5 s a whole `dotnet build` takes on 2 cores; the compiler server answers in about half a second).
/// Anything else — a file added, removed or renamed, a project or README edited, no recorded
/// command line, another chapter — takes the whole build, which is then the reference again.
/// </summary>
/// <remarks>
/// The compiler runs outside the sandbox: it reads the learner's code but runs none of it (its
/// analyzers and generators are the course's packages, fixed by the project files the whole build
/// used). The tests still run sandboxed. One per watch session; not thread-safe.
/// </remarks>
public sealed class Recompile
{
    /// <summary>The chapter's files other than .cs files after its last successful whole build, and that build's track.</summary>
    (string Folder, string Track, IReadOnlyDictionary<string, (long Length, long Ticks)> Files)? _reference;

    /// <summary>How the last build was done: by the compiler server alone, or a whole build.</summary>
    public bool LastWasQuick { get; private set; }

    /// <summary>How long the last build took.</summary>
    public TimeSpan LastDuration { get; private set; }

    /// <summary>Builds the chapters: the compiler server alone when it can, else a whole build.</summary>
    public async Task<IReadOnlyDictionary<string, Builder.Outcome>> BuildAsync(string repo, IReadOnlyList<Chapter> chapters, GradeOptions options,
        CancellationToken cancel)
    {
        if (chapters.Count == 1 && options.Track == GradeOptions.ExercisesTrack && Plan(repo, chapters[0], options.Track) is { } plan)
        {
            LastWasQuick = true;
            var compiled = await CompileAsync(repo, plan, options, cancel).ConfigureAwait(false);
            LastDuration = compiled.Duration;
            return new Dictionary<string, Builder.Outcome> { [chapters[0].Id] = compiled };
        }
        LastWasQuick = false;
        _reference = null;
        var builds = await Builder.BuildAllAsync(repo, chapters, options, cancel).ConfigureAwait(false);
        // After the build: a restore may have written the chapter's lock file.
        if (chapters.Count == 1 && builds[chapters[0].Id].Succeeded) _reference = (chapters[0].Folder, options.Track, Snapshot(chapters[0].Folder));
        LastDuration = builds.Values.FirstOrDefault()?.Duration ?? TimeSpan.Zero;
        return builds;
    }

    /// <summary>
    /// After a whole build: starts the compiler server (and has it load the chapter's references and
    /// analyzers) while the learner reads the result, so that the first save after it is quick too.
    /// After a quick build the server is warm already, and this does nothing.
    /// </summary>
    public void WarmUp(string repo, Chapter chapter, string track)
    {
        if (LastWasQuick || _reference is null || CommandLine.Read(repo, chapter, track) is not { } line) return;
        var scratch = Path.Combine(Path.GetTempPath(), $"katas-warmup-{Environment.ProcessId}");
        Directory.CreateDirectory(scratch);
        // The same compilation into a scratch folder: the chapter's own outputs stay as the tests left them.
        var arguments = line.Arguments.Select(a =>
            a.StartsWith("/out:", StringComparison.Ordinal) ? $"/out:{Path.Combine(scratch, "warmup.dll")}"
            : a.StartsWith("/refout:", StringComparison.Ordinal) ? $"/refout:{Path.Combine(scratch, "warmup.ref.dll")}" : a).ToList();
        _ = Task.Run(async () =>
        {
            try { await RunCompilerAsync(line with { Arguments = arguments }, TimeSpan.FromMinutes(2), CancellationToken.None).ConfigureAwait(false); }
            catch (Exception e) when (e is IOException or InvalidOperationException or System.ComponentModel.Win32Exception) { }
            finally
            {
                try { Directory.Delete(scratch, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        });
    }

    sealed record Planned(Chapter Chapter, CommandLine Line);

    Planned? Plan(string repo, Chapter chapter, string track)
    {
        if (_reference is not { } reference || reference.Folder != chapter.Folder || reference.Track != track) return null;
        // Every file but the .cs files as built (the project, its lock file, ...), and the .cs files on
        // disk exactly those the recorded compile reads: a file added, removed or renamed is a whole build.
        var now = Snapshot(chapter.Folder);
        if (now.Count != reference.Files.Count || now.Any(f => !reference.Files.TryGetValue(f.Key, out var was) || was != f.Value)) return null;
        if (CommandLine.Read(repo, chapter, track) is not { } line || !line.Matches(repo, chapter, track)) return null;
        var onDisk = Sources(chapter.Folder);
        return onDisk.SetEquals(line.Sources.Where(s => Course.RelativeInside(chapter.Folder, s) is not null)) ? new Planned(chapter, line) : null;
    }

    static async Task<Builder.Outcome> CompileAsync(string repo, Planned plan, GradeOptions options, CancellationToken cancel)
    {
        var (outcome, output) = await RunCompilerAsync(plan.Line, options.BuildTimeout, cancel).ConfigureAwait(false);
        if (outcome.TimedOut) return new(false, [], $"the compiler did not finish within {options.BuildTimeout.TotalSeconds:0} s", outcome.Duration);
        var errors = Builder.ParseErrors(output, repo).Select(e => e.Error).Distinct().ToList();
        if (outcome.ExitCode != 0 || errors.Count > 0)
            return errors.Count > 0 ? new(false, errors, null, outcome.Duration)
                : new(false, [], "the compiler failed: " + string.Join(" ", output.TakeLast(3)), outcome.Duration);
        // What MSBuild's copy step does after a compile: the new assembly and its symbols beside the test runner.
        // (The build hard-links bin/ to obj/: a copy goes to a new file that is then renamed over the old name.)
        foreach (var extension in new[] { ".dll", ".pdb" })
        {
            var target = Path.ChangeExtension(plan.Line.TargetPath, extension);
            var fresh = target + ".katas-new";
            File.Copy(Path.ChangeExtension(plan.Line.IntermediateAssembly, extension), fresh, overwrite: true);
            File.Move(fresh, target, overwrite: true);
        }
        return new(true, [], null, outcome.Duration, plan.Line.TargetPath);
    }

    static async Task<(ProcessOutcome Outcome, List<string> Output)> RunCompilerAsync(CommandLine line, TimeSpan timeout, CancellationToken cancel)
    {
        var responseFile = Path.Combine(Path.GetTempPath(), $"katas-csc-{Environment.ProcessId}-{Guid.NewGuid():N}.rsp");
        await File.WriteAllLinesAsync(responseFile, line.Arguments, cancel).ConfigureAwait(false);
        try
        {
            var output = new List<string>();
            // -shared: the compiler server MSBuild itself uses (started if none runs; it stays a few minutes).
            // The server may keep the output pipe open after the client ends: completion is the client's exit.
            var outcome = await ProcessRunner.RunAsync("dotnet", ["exec", line.Compiler, "-noconfig", "-shared", "-nologo", $"@{responseFile}"],
                line.ProjectDirectory, null, timeout, l => { lock (output) output.Add(l); }, cancel, drainAfterExit: TimeSpan.FromMilliseconds(200))
                .ConfigureAwait(false);
            lock (output) return (outcome, [.. output]);
        }
        finally
        {
            File.Delete(responseFile);
        }
    }

    static IEnumerable<string> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => !LearnerFiles.InSkippedFolder(Path.GetRelativePath(folder, f)));

    static bool IsSource(string path) => path.EndsWith(".cs", StringComparison.Ordinal);

    static Dictionary<string, (long, long)> Snapshot(string folder) =>
        Files(folder).Where(f => !IsSource(f)).Select(f => new FileInfo(f))
            .ToDictionary(f => f.FullName, f => (f.Length, f.LastWriteTimeUtc.Ticks), StringComparer.Ordinal);

    static HashSet<string> Sources(string folder) => Files(folder).Where(IsSource).Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);

    /// <summary>The compiler's command line as the chapter's last graded build ran it (eng/Kata.targets).</summary>
    sealed record CommandLine(string ProjectDirectory, string Compiler, string TargetPath, string IntermediateAssembly, IReadOnlyList<string> Arguments)
    {
        public static CommandLine? Read(string repo, Chapter chapter, string track)
        {
            var file = Path.Combine(Course.Unchecked(repo).WorkFolder, $"csc-{track}", chapter.ProjectName + ".txt");
            if (!File.Exists(file)) return null;
            var lines = File.ReadAllLines(file);
            string? One(string tag) => lines.FirstOrDefault(l => l.StartsWith(tag + "|", StringComparison.Ordinal))?[(tag.Length + 1)..];
            var arguments = lines.Where(l => l.StartsWith("A|", StringComparison.Ordinal)).Select(l => l[2..])
                .Where(a => !a.Equals("/noconfig", StringComparison.OrdinalIgnoreCase)).ToList();
            if (One("P") is not { } project || One("T") is not { } roslyn || One("B") is not { } target || One("I") is not { } intermediate
                || arguments.Count == 0) return null;
            var compiler = Path.Combine(roslyn, "bincore", "csc.dll");
            return File.Exists(compiler) && File.Exists(target) ? new(project, compiler, target, intermediate, arguments) : null;
        }

        /// <summary>
        /// The recorded compile is this build's: the same project, and the same source files as the
        /// compile inputs of the last whole build (the allowlist reads those).
        /// </summary>
        public bool Matches(string repo, Chapter chapter, string track)
        {
            if (Path.GetFullPath(ProjectDirectory) != Path.GetFullPath(Path.GetDirectoryName(chapter.Project)!)) return false;
            var inputs = Allowlist.CompileInputs.For(repo, chapter, track);
            return inputs is not null && Sources.SetEquals(inputs.Sources.Select(s => Path.GetFullPath(s)));
        }

        /// <summary>The source files, as the compiler reads its command line (on Unix "/path/x.cs" is a file, "/out:x" an option).</summary>
        public IReadOnlySet<string> Sources => _sources ??= Microsoft.CodeAnalysis.CSharp.CSharpCommandLineParser.Default
            .Parse(Arguments, ProjectDirectory, sdkDirectory: null).SourceFiles.Select(f => Path.GetFullPath(f.Path)).ToHashSet(StringComparer.Ordinal);

        HashSet<string>? _sources;
    }
}
