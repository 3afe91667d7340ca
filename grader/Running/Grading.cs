using Katas.Grader.Integrity;
using Katas.Grader.Model;

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

    public static async Task<GradeResult> RunAsync(string repo, GradeOptions options, IGradingProgress? progress = null,
        CancellationToken cancel = default)
    {
        options.Validate();
        repo = Path.GetFullPath(repo);
        progress ??= new Silent();
        var started = DateTimeOffset.Now;
        var manifest = TestManifest.Load(repo);
        var tamper = manifest?.Compare(repo) ?? new TamperReport { ManifestFound = false };

        if (options.Track == "solutions" && !Directory.Exists(Path.Combine(options.TrustedTests ?? repo, "solutions")))
            throw new GraderException("This copy of the katas has no solutions/ folder (a course template, perhaps): " +
                                      "grade your own code with --track exercises.");
        var gradedRepo = repo;
        if (options.TrustedTests is not null || options.ExtraTests is not null)
        {
            // A workspace: the trusted copy (or the submission itself) with the learner's code laid over it.
            var trusted = Path.GetFullPath(options.TrustedTests ?? repo);
            gradedRepo = Workspace.Prepare(repo, trusted, Path.Combine(GradeOptions.WorkFolder(repo), "workspace"));
            if (options.TrustedTests is not null) tamper = tamper with { TrustedTests = trusted };
            if (options.ExtraTests is { } extra) HiddenTests.CopyInto(gradedRepo, Path.GetFullPath(extra));
            // The workspace is fresh: let its tests use the submission's verified dataset cache.
            options = options with { DataDirectory = options.DataDirectory ?? Environment.GetEnvironmentVariable(Kit.Data.DatasetCache.DirectoryVariable)
                ?? Path.Combine(repo, "data", "cache") };
            manifest = TestManifest.Load(gradedRepo) ?? manifest;
        }

        var chapters = Chapter.Select(gradedRepo, options.Chapters);
        if (chapters.Count == 0) throw new GraderException($"{gradedRepo} has no chapters (exercises/NN-Name/ with a .csproj).");

        var results = new List<ChapterResult>();
        var cuda = Facts.CudaHere();
        foreach (var chapter in chapters)
        {
            var result = await GradeChapterAsync(gradedRepo, chapter, options, manifest, cuda, progress, cancel).ConfigureAwait(false);
            if (!options.ShowHidden) result = HiddenTests.Mask(result);
            results.Add(result);
            progress.ChapterFinished(result);
        }

        var facts = Facts.Collect(repo, options, started) with { FinishedAt = DateTimeOffset.Now };
        return new GradeResult
        {
            Run = facts,
            Score = GradeResult.Total(results),
            Tamper = tamper,
            Chapters = results,
            DurationSeconds = (facts.FinishedAt - started).TotalSeconds,
        };
    }

    static async Task<ChapterResult> GradeChapterAsync(string repo, Chapter chapter, GradeOptions options, TestManifest? manifest,
        bool cuda, IGradingProgress progress, CancellationToken cancel)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        progress.ChapterStarted(chapter, "building");
        var build = await Builder.BuildAsync(repo, chapter, options, cancel).ConfigureAwait(false);
        var known = manifest?.Tests.GetValueOrDefault(chapter.Id);
        if (!build.Succeeded)
        {
            var tests = (known ?? []).Select(t => MachineScope.Apply(MachineScope.FromManifest(
                NotRun(t.Key, t.Value, "the chapter did not build"), manifest, chapter.Id), cuda)).ToList();
            return Summarise(chapter, tests, ChapterStatus.BuildError,
                build.Problem ?? $"the chapter does not compile ({build.Errors.Count} error{(build.Errors.Count == 1 ? "" : "s")})",
                watch.Elapsed, build.Errors);
        }

        progress.ChapterStarted(chapter, "testing");
        var assembly = build.TestAssembly!;
        var run = await TestHost.RunAsync(repo, assembly, options, cancel, t => progress.TestFinished(chapter, t)).ConfigureAwait(false);
        var results = run.Tests.Select(t => MachineScope.Apply(t, cuda)).ToList();
        if (run.Abnormal is not null)
        {
            // Tests that never started: from the assembly's own list, else from the manifest.
            var listed = await TestHost.ListAsync(repo, assembly, cancel).ConfigureAwait(false);
            var all = listed.Count > 0 ? listed : (known ?? []).Select(k => (k.Key, k.Value)).ToList();
            var seen = results.Select(r => r.Name).ToHashSet();
            results.AddRange(all.Where(t => !seen.Contains(t.Item1))
                .Select(t => MachineScope.Apply(MachineScope.FromManifest(NotRun(t.Item1, t.Item2, run.Abnormal == ChapterStatus.TimedOut
                    ? "not run: the chapter ran out of time" : "not run: the test host crashed"), manifest, chapter.Id), cuda)));
        }
        return Summarise(chapter, results, run.Abnormal, run.Message, watch.Elapsed, []);
    }

    static TestResult NotRun(string name, int points, string why)
    {
        var dot = name.LastIndexOf('.');
        return new TestResult
        {
            Name = name, Class = dot < 0 ? "" : name[..dot], Method = dot < 0 ? name : name[(dot + 1)..],
            Status = TestStatus.NotRun, MaxPoints = points, Message = why,
        };
    }

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
