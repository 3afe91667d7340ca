using Katas.Grader.Layout;
using Katas.Grader.Integrity;
using Katas.Grader.Model;
using Katas.Tooling;

namespace Katas.Grader.Running;

/// <summary>Progress of a run, for whoever shows it (the console, or nothing).</summary>
public interface IGradingProgress
{
    void ChapterStarted(Chapter chapter, string phase) { }
    void TestFinished(Chapter chapter, TestResult test) { }
    void ChapterFinished(ChapterResult result) { }
}

/// <summary>
/// A grading run: for each chapter, build it (its own process), run its tests (its own process,
/// time-limited), and turn what happened into a <see cref="ChapterResult"/>. Runners never
/// format anything; renderers never run anything.
/// </summary>
public static class Grading
{
    sealed class Silent : IGradingProgress;

    /// <param name="recompile">`katas watch`'s fast path for the next build of one chapter (<see cref="Recompile"/>); null: a whole build.</param>
    public static async Task<GradeResult> RunAsync(string repo, GradeOptions options, IGradingProgress? progress = null,
        Recompile? recompile = null, CancellationToken cancel = default)
    {
        options.Validate();
        repo = Path.GetFullPath(repo);
        progress ??= new Silent();
        var started = DateTimeOffset.Now;

        if (options.Track == GradeOptions.SolutionsTrack && !Course.Unchecked(options.TrustedTests ?? repo).HasSolutions)
            throw new GraderException("This copy of the katas has no solutions/ folder (a course template, perhaps): " +
                                      "grade your own code with --track exercises.");
        // The manifest that decides which tests count and what they are worth: the trusted copy's
        // when there is one, never the submission's own (a submission can regenerate that).
        var trusted = options.TrustedTests is null ? null : Path.GetFullPath(options.TrustedTests);
        var manifest = TestManifest.Load(trusted ?? repo);
        var tamper = (manifest?.Compare(repo) ?? new TamperReport { ManifestFound = false }) with { TrustedTests = trusted };

        // Code graded against trusted tests is not the grader's to trust: sandboxed, or not graded.
        if (trusted is not null && options.Sandbox == SandboxMode.Auto) options = options with { Sandbox = SandboxMode.Required };
        if (options.Sandbox == SandboxMode.Required && !Sandbox.Available)
            throw new GraderException($"Grading a submission needs the operating-system sandbox, and there is none here: {Sandbox.Why}. " +
                                      "Install bubblewrap, or pass --unsandboxed to grade without it (the results then hold only for honest code).");
        var sandboxed = options.Sandbox != SandboxMode.Off && Sandbox.Available;
        options = options with { Sandbox = sandboxed ? SandboxMode.Required : SandboxMode.Off };

        using var workspace = trusted is not null || options.ExtraTests is not null
            // The trusted copy (or the submission itself) with only the learner's code laid over it.
            ? Workspace.Prepare(repo, trusted ?? repo, options.ExtraTests is { } extra ? Path.GetFullPath(extra) : null,
                withSolutions: options.Track == GradeOptions.SolutionsTrack)
            : null;
        if (workspace is not null) options = options with { Refused = workspace.Refused };
        var gradedRepo = workspace?.Root ?? repo;
        if (workspace is not null)
            // The workspace is fresh: let its tests use the submission's verified dataset cache.
            options = options with { DataDirectory = DataDirectory(options, repo) };

        var chapters = Chapter.Select(gradedRepo, options.Chapters);
        if (chapters.Count == 0) throw new GraderException($"{gradedRepo} has no chapters (exercises/NN-Name/ with a .csproj).");

        var results = new List<ChapterResult>();
        // What libtorch can do here comes from the trusted copy's probe, never from the graded code.
        var torch = await TorchProbe.ForGradingAsync(Course.At(trusted ?? repo), options.Backend, cancel).ConfigureAwait(false);
        var cuda = torch.Cuda;
        if (sandboxed) await FetchDatasetsAsync(chapters, options, gradedRepo, cancel).ConfigureAwait(false);
        foreach (var chapter in chapters) progress.ChapterStarted(chapter, "building");
        var builds = recompile is not null && workspace is null
            ? await recompile.BuildAsync(gradedRepo, chapters, options, cancel).ConfigureAwait(false)
            : await Builder.BuildAllAsync(gradedRepo, chapters, options, cancel).ConfigureAwait(false);
        foreach (var chapter in chapters)
        {
            var result = await GradeChapterAsync(gradedRepo, chapter, builds[chapter.Id], chapters.Count, options, manifest, cuda, progress, cancel)
                .ConfigureAwait(false);
            if (!options.ShowHidden) result = HiddenTests.Mask(result);
            results.Add(result);
            progress.ChapterFinished(result);
        }

        var facts = Facts.Collect(Course.At(repo), options, started, torch) with
        {
            FinishedAt = DateTimeOffset.Now, Sandboxed = sandboxed,
            SandboxNote = sandboxed ? null : options.Sandbox == SandboxMode.Off && Sandbox.Available ? "--unsandboxed" : Sandbox.Why,
        };
        return new GradeResult
        {
            Run = facts,
            Score = GradeResult.Total(results),
            Tamper = tamper,
            Chapters = results,
            DurationSeconds = (facts.FinishedAt - started).TotalSeconds,
        };
    }

    /// <param name="build">The chapter's build (all chapters build at once); its time counts a share to each of the <paramref name="builtTogether"/> chapters.</param>
    static async Task<ChapterResult> GradeChapterAsync(string repo, Chapter chapter, Builder.Outcome build, int builtTogether, GradeOptions options,
        TestManifest? manifest, bool cuda, IGradingProgress progress, CancellationToken cancel)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var buildShare = build.Duration / Math.Max(1, builtTogether);
        var listed = manifest?.Tests.GetValueOrDefault(chapter.Id);
        // Points and maxima come from the trusted side only: the manifest, and the instructor's
        // hidden test files themselves (never from what the test process reports). Both count
        // whatever happens to the chapter: a submission that does not build keeps the full maximum.
        var hidden = options.ExtraTests is not null || options.HiddenTestsInWorkspace ? HiddenTests.Listed(chapter) : new Dictionary<string, int>();
        IReadOnlyDictionary<string, int>? worth = listed is null ? null : hidden.Count == 0 ? listed
            : listed.Concat(hidden.Where(h => !listed.ContainsKey(h.Key))).ToDictionary(StringComparer.Ordinal);
        List<TestResult> NoneRan(string why) =>
            (worth ?? new Dictionary<string, int>()).Select(t => TestResult.NotRun(t.Key, t.Value, why) with { Hidden = hidden.ContainsKey(t.Key) })
                .Select(Scope).ToList();
        if (options.Refused.TryGetValue(chapter.Id, out var refusal))
        {
            var none = NoneRan("the chapter was not graded");
            return Summarise(chapter, none, ChapterStatus.Tampered, refusal, buildShare + watch.Elapsed, []);
        }
        // The chapter builds, then the learner's files are checked against the allowlist on the
        // build's own inputs: a chapter with a finding is a build error, and nothing of it runs.
        // (Checked also when the build failed: a learner sees every rejected line at once.)
        var rejected = CheckLearnerCode(repo, chapter, build, options.Track);
        if (rejected.Count > 0)
            build = build with { Succeeded = false, Errors = build.Succeeded ? [.. rejected] : [.. rejected, .. build.Errors], Problem = null };
        if (!build.Succeeded)
        {
            var tests = NoneRan("the chapter did not build");
            return Summarise(chapter, tests, ChapterStatus.BuildError,
                build.Problem ?? $"the chapter does not compile ({build.Errors.Count} error{(build.Errors.Count == 1 ? "" : "s")})",
                buildShare + watch.Elapsed, build.Errors);
        }

        progress.ChapterStarted(chapter, "testing");
        var assembly = build.TestAssembly!;
        var run = await TestHost.RunAsync(repo, assembly, options, cancel, t => progress.TestFinished(chapter, t)).ConfigureAwait(false);
        var results = run.Tests.ToList();
        var notRun = run.Abnormal == ChapterStatus.TimedOut ? "not run: the chapter ran out of time"
            : run.Abnormal == ChapterStatus.Crashed ? "not run: the test host crashed" : "not run: the test process reported no result for it";
        IReadOnlyList<string> ignored = [];
        if (worth is not null)
        {
            (results, ignored) = Judge(results, worth, notRun);
            results = results.Select(r => hidden.ContainsKey(r.Name) ? r with { Hidden = true } : r).ToList();
        }
        else if (run.Abnormal is not null)
        {
            // No manifest: the tests that never started come from the assembly's own list.
            var all = await TestHost.ListTestsAsync(repo, assembly, cancel).ConfigureAwait(false);
            var seen = results.Select(r => r.Name).ToHashSet();
            results.AddRange(all.Where(t => !seen.Contains(t.Name)).Select(t => TestResult.NotRun(t.Name, t.Points, notRun)));
        }
        var (status, message) = run.Abnormal == ChapterStatus.Tampered ? (run.Abnormal, run.Message)
            : run.Contradictions.Count == 0 ? (run.Abnormal, run.Message)
            : (ChapterStatus.Tampered, "the test process's results were tampered with, so the chapter scores 0: " +
               $"{string.Join("; ", run.Contradictions.Take(3))}{(run.Contradictions.Count > 3 ? $" (and {run.Contradictions.Count - 3} more)" : "")}"
               + (run.Message is { } m ? $". Also: {m}" : ""));
        // A tampered chapter earns nothing: what its process said cannot be told from what it was made to say.
        if (status == ChapterStatus.Tampered) results = results.Select(r => r with { Points = 0 }).ToList();
        return Summarise(chapter, results.Select(Scope).ToList(), status, message, buildShare + watch.Elapsed, []) with { IgnoredTests = ignored };

        // Step and GPU-only come from the manifest where it knows them; a GPU-only test on a machine
        // without CUDA is "not counted here" (MachineScope).
        TestResult Scope(TestResult test) => MachineScope.Apply(MachineScope.FromManifest(test, manifest, chapter.Id), cuda);
    }

    /// <summary>The allowlist's findings in the learner's files (and, on the solutions track, in the reference solutions).</summary>
    static IReadOnlyList<BuildError> CheckLearnerCode(string repo, Chapter chapter, Builder.Outcome build, string track)
    {
        var inputs = Allowlist.CompileInputs.For(repo, chapter, track);
        if (inputs is null && !build.Succeeded) return []; // it did not get as far as compiling: its own errors say why
        if (inputs is null)
            return [new BuildError(Path.GetRelativePath(repo, chapter.Project), 0, 0, Allowlist.Code,
                "the grader could not check the learner's files (the build wrote no katas-compile.txt): is eng/Kata.targets the course's?")];
        var solutions = Course.Unchecked(repo).SolutionsOf(chapter);
        bool IsLearner(string path) =>
            Course.RelativeInside(chapter.Folder, path) is { } mine ? LearnerFiles.IsLearnerSource(mine)
            : track == GradeOptions.SolutionsTrack && Course.RelativeInside(solutions, path) is { } answer && LearnerFiles.IsLearnerSource(answer);
        return Allowlist.For(repo, chapter).Check(inputs, IsLearner, repo);
    }

    /// <summary>
    /// A sandboxed test has no network: the datasets its chapter declares are fetched (and verified)
    /// here first, into the cache the tests read. A dataset that cannot be fetched is left to the
    /// tests, whose message then says why.
    /// </summary>
    static async Task FetchDatasetsAsync(IReadOnlyList<Chapter> chapters, GradeOptions options, string repo, CancellationToken cancel)
    {
        var names = chapters.SelectMany(c => c.Datasets).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0) return;
        var cache = Course.At(repo).Datasets(DataDirectory(options, repo));
        foreach (var name in names)
        {
            try { await cache.EnsureAsync(name, cancel).ConfigureAwait(false); }
            catch (Exception e) when (e is Kit.Data.DatasetException or IOException or HttpRequestException or KeyNotFoundException) { }
        }
    }

    /// <summary>The dataset cache the tests read: the option, else KATAS_DATA_DIR, else the graded repository's data/cache.</summary>
    internal static string DataDirectory(GradeOptions options, string repo) =>
        options.DataDirectory ?? Course.At(repo).DataCache;

    /// <summary>
    /// The trusted list decides: each listed test is worth the list's points, and one with no
    /// result did not run; a test it does not list is ignored.
    /// </summary>
    internal static (List<TestResult> Graded, IReadOnlyList<string> Ignored) Judge(IReadOnlyList<TestResult> results,
        IReadOnlyDictionary<string, int> listed, string notRun)
    {
        var graded = new List<TestResult>();
        var ignored = new List<string>();
        // A [Theory] is listed once (xunit's -list names the method) but reports one result per data
        // row, named "Method(arg: value, ...)": its rows are one listed test, which passes when every
        // row passes and otherwise shows its worst row.
        var rows = new Dictionary<string, List<TestResult>>(StringComparer.Ordinal);
        foreach (var r in results)
        {
            var key = listed.ContainsKey(r.Name) ? r.Name
                : r.Name.IndexOf('(', StringComparison.Ordinal) is > 0 and var open && listed.ContainsKey(r.Name[..open]) ? r.Name[..open]
                : null;
            if (key is not null) (rows.TryGetValue(key, out var list) ? list : rows[key] = []).Add(r);
            else ignored.Add(r.Name);
        }
        foreach (var (key, list) in rows)
        {
            var points = listed[key];
            var worst = list.OrderBy(Rank).First();
            graded.Add(worst with
            {
                Name = key, Method = TestResult.Split(key).Method, MaxPoints = points,
                Points = list.All(r => r.Status == TestStatus.Passed) ? points : 0,
                Message = list.Count > 1 && worst.Status != TestStatus.Passed ? $"{TestResult.Split(worst.Name).Method}: {worst.Message}" : worst.Message,
            });
        }
        var seen = graded.Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
        graded.AddRange(listed.Where(t => !seen.Contains(t.Key)).Select(t => TestResult.NotRun(t.Key, t.Value, notRun)));
        return (graded, ignored.Distinct().Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>The worst outcome first: a forged or broken row decides a theory's result.</summary>
    static int Rank(TestResult t) => t.Status switch
    {
        TestStatus.Tampered => 0, TestStatus.Crashed => 1, TestStatus.TimedOut => 2, TestStatus.Failed => 3,
        TestStatus.NotImplemented => 4, TestStatus.NotRun => 5, TestStatus.Skipped => 6, _ => 7,
    };

    internal static ChapterResult Summarise(Chapter chapter, List<TestResult> tests, ChapterStatus? abnormal, string? message,
        TimeSpan duration, IReadOnlyList<BuildError> errors)
    {
        tests.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var counted = tests.Where(t => t.Status != TestStatus.Skipped).ToList();
        var status = abnormal ?? (counted.Count > 0 && counted.All(t => t.Status == TestStatus.Passed) ? ChapterStatus.Passed
            : counted.Count > 0 && counted.All(t => t.Status == TestStatus.NotImplemented) ? ChapterStatus.NotStarted
            : counted.Count == 0 && tests.Count > 0 ? ChapterStatus.Passed
            : ChapterStatus.Failed);
        return new ChapterResult
        {
            Id = chapter.Id, Number = chapter.Number, Title = chapter.Title, Status = status,
            Points = counted.Sum(t => t.Points), MaxPoints = counted.Sum(t => t.MaxPoints),
            SkippedPoints = tests.Where(t => t.Status == TestStatus.Skipped).Sum(t => t.MaxPoints),
            DurationSeconds = duration.TotalSeconds, Message = message, BuildErrors = errors, Tests = tests,
        };
    }
}
