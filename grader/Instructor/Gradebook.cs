using Katas.Tooling;
using Katas.Grader.Layout;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Katas.Grader.Integrity;
using Katas.Grader.Model;
using Katas.Grader.Rendering;
using Katas.Grader.Running;

namespace Katas.Grader.Instructor;

/// <summary>
/// `katas grade-many SUBMISSIONS`: grades every entry of a submissions folder with the trusted
/// course's tests (and the hidden ones), several at once, in workspaces outside the course and
/// the submissions (<see cref="GradingRun"/>); writes each student's JSON and a CSV gradebook.
/// Every student is scored out of the same maximum: the course's own stubs are graded first, and
/// each student's chapters are measured against that list of tests, whatever happened to the
/// build. An entry that breaks anything is a flagged row, never the end of the batch. Entries whose
/// code is the same byte for byte (untouched stubs, the same zip handed in twice) are graded once
/// and get the same result: same code, same grade, and the row says whose code it is.
/// </summary>
public static class Gradebook
{
    /// <param name="Problem">For an entry that could not be graded: its flag (not-a-submission, bad-zip, grader-error).</param>
    /// <param name="UnknownTests">Tests the student's build ran that the course does not have (they earn nothing).</param>
    /// <param name="SameCodeAs">The first entry (in name order) whose code is this one's byte for byte, or
    /// <see cref="CourseStubs"/> for code that is the course's own stubs; null when the code is its own.</param>
    public sealed record Row(string Student, GradeResult? Result, string? Error, string? Problem = null, int UnknownTests = 0, string? SameCodeAs = null)
    {
        /// <summary>The digest of the graded code (<see cref="GradingRun.CodeDigest"/>), for entries that were graded.</summary>
        internal string? Code { get; init; }

        public IReadOnlyList<string> Flags => Result is null ? [Problem ?? "grader-error"] :
        [
            .. Result.Tamper.Tampered ? new[] { "tampered-tests" } : [],
            .. UnknownTests > 0 ? new[] { "unknown-tests" } : [],
            .. Result.Chapters.Any(c => c.Status == ChapterStatus.BuildError) ? new[] { "build-error" } : [],
            .. Result.Chapters.Any(c => c.Status == ChapterStatus.TimedOut) ? new[] { "timed-out" } : [],
            .. Result.Chapters.Any(c => c.Status == ChapterStatus.Crashed) ? new[] { "crashed" } : [],
        ];
    }

    /// <summary>What <see cref="Row.SameCodeAs"/> says of code that is the course's stubs, untouched.</summary>
    public const string CourseStubs = "(course stubs)";

    /// <summary>The class's results, and the course's own (its stubs): the maximum of every chapter.</summary>
    /// <param name="Gradings">How many builds and test runs it took, the course's own included.</param>
    public sealed record Outcome(IReadOnlyList<Row> Rows, GradeResult Course, int Gradings);

    public static async Task<Outcome> GradeAllAsync(string submissions, GradeOptions options, string output, int parallel,
        Action<Row>? onStudent, CancellationToken cancel)
    {
        if (options.TrustedTests is null) throw new GraderException("grade-many needs --trusted-tests DIR: students are graded with your tests.");
        options.Validate();
        var course = Path.GetFullPath(options.TrustedTests);
        if (!Directory.Exists(Path.Combine(course, Course.ExercisesFolder)))
            throw new GraderException($"--trusted-tests {course}: not a copy of the katas (it has no exercises/ folder).");
        var entries = Submissions.List(submissions);
        if (entries.Count == 0) throw new GraderException($"grade-many: {submissions} is empty: put one folder (or .zip) per student in it.");
        Directory.CreateDirectory(output);

        using var run = GradingRun.Create(course, options.ExtraTests);
        // Each lane is a workspace; the trusted copy and the hidden tests are already in it.
        // Hidden tests keep their names until each result is aligned with the course's (masked ones
        // are numbered per result, so a partial run would number them differently); masked after.
        var laneOptions = options with
        {
            TrustedTests = null, ExtraTests = null, HiddenTestsInWorkspace = options.ExtraTests is not null, Track = GradeOptions.ExercisesTrack, ShowHidden = true,
            // Students' code: never unsandboxed unless the instructor said so (--unsandboxed).
            Sandbox = options.Sandbox == SandboxMode.Off ? SandboxMode.Off : SandboxMode.Required,
            DataDirectory = options.DataDirectory ?? Course.At(course).DataCache,
        };
        var gradings = new Gradings();
        run.Load(0, null);
        var referenceLane = run.Lane(0);
        var referenceCode = run.CodeDigest(0);
        var reference = await gradings.GetAsync(referenceCode, () => Grading.RunAsync(referenceLane, laneOptions, null, cancel: cancel)).ConfigureAwait(false);
        if (reference.Chapters.FirstOrDefault(c => c.Status == ChapterStatus.BuildError) is { } broken)
            throw new GraderException($"grade-many: the course itself does not build ({broken.Id}: {broken.Message}" +
                                      $"{(broken.BuildErrors.Count > 0 ? ": " + string.Join("; ", broken.BuildErrors.Take(3)) : "")}); " +
                                      "fix it (or the hidden tests) first.");
        var manifest = TestManifest.Load(course);

        var lanes = Channel.CreateUnbounded<int>();
        for (var i = 0; i < Math.Clamp(parallel, 1, entries.Count); i++) lanes.Writer.TryWrite(i);
        var rows = new Row[entries.Count];
        await Task.WhenAll(entries.Select(async (entry, i) =>
        {
            var lane = await lanes.Reader.ReadAsync(cancel).ConfigureAwait(false);
            try
            {
                rows[i] = await GradeOneAsync(entry, run, lane, gradings, laneOptions, reference, manifest, course, output, options.ShowHidden, cancel)
                    .ConfigureAwait(false);
                onStudent?.Invoke(rows[i]);
            }
            finally { lanes.Writer.TryWrite(lane); }
        })).ConfigureAwait(false);
        // Named after the first entry with that code in name order, whatever order the lanes finished in.
        var firsts = new Dictionary<string, string>(StringComparer.Ordinal) { [referenceCode] = CourseStubs };
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i].Code is not { } code) continue;
            if (firsts.TryGetValue(code, out var first)) rows[i] = rows[i] with { SameCodeAs = first };
            else firsts[code] = rows[i].Student;
        }
        AtomicFile.WriteAllText(Path.Combine(output, "gradebook.csv"), Csv(rows, reference));
        return new Outcome(rows, reference, gradings.Count);
    }

    /// <summary>One grading per distinct code: the entries that share it (in any lane, at any time) await the same one.</summary>
    sealed class Gradings
    {
        readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<GradeResult>>> _byCode = new(StringComparer.Ordinal);

        public int Count => _byCode.Count;

        public Task<GradeResult> GetAsync(string code, Func<Task<GradeResult>> grade) =>
            _byCode.GetOrAdd(code, _ => new Lazy<Task<GradeResult>>(grade)).Value;
    }

    static async Task<Row> GradeOneAsync(Submissions.Entry entry, GradingRun run, int lane, Gradings gradings, GradeOptions options, GradeResult reference,
        TestManifest? manifest, string course, string output, bool showHidden, CancellationToken cancel)
    {
        string folder;
        if (entry.IsZip)
        {
            try { folder = Submissions.Unpack(entry.Path, run.Unpacked(entry.Student)); }
            catch (GraderException e) { return new Row(entry.Student, null, e.Message, "bad-zip"); }
        }
        else if (Directory.Exists(entry.Path)) folder = entry.Path;
        else return new Row(entry.Student, null, "a file, not a folder or a .zip: not a submission", "not-a-submission");
        if (Submissions.Root(folder) is not { } root)
            return new Row(entry.Student, null, "no exercises/ folder (nor a single top folder holding one): not a copy of the course", "not-a-submission");

        try
        {
            var refused = run.Load(lane, root);
            var workspace = run.Lane(lane);
            // Refused chapters are graded as refused, not as the stubs left in their place: part of the code's identity.
            var code = run.CodeDigest(lane) + string.Concat(refused.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"|{r.Key}"));
            var graded = await gradings.GetAsync(code, () => Grading.RunAsync(workspace, options with { Refused = refused }, null, cancel: cancel)).ConfigureAwait(false);
            var (result, unknown) = Align(graded, reference);
            result = result with
            {
                Tamper = (manifest?.Compare(root) ?? new TamperReport { ManifestFound = false }) with { TrustedTests = course },
                Run = result.Run with { Commit = Submissions.Commit(root) },
                Chapters = showHidden ? result.Chapters : result.Chapters.Select(HiddenTests.Mask).ToList(),
            };
            JsonResults.Write(result, Path.Combine(output, entry.Student + ".json"));
            return new Row(entry.Student, result, null, UnknownTests: unknown) { Code = code };
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            return new Row(entry.Student, null, e.Message); // this student only
        }
    }

    /// <summary>
    /// A student's result measured against the course's tests: a test the student's run does not
    /// have (the chapter did not build, or the host died before listing it) is added as not run, so
    /// the maximum is the course's; a test the course does not have earns nothing.
    /// </summary>
    public static (GradeResult Result, int Unknown) Align(GradeResult student, GradeResult course)
    {
        var unknown = 0;
        var chapters = student.Chapters.Select(chapter =>
        {
            var full = course.Chapters.FirstOrDefault(c => c.Id == chapter.Id);
            if (full is null) return chapter;
            var mine = chapter.Tests.GroupBy(t => t.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            unknown += mine.Keys.Count(name => full.Tests.All(t => t.Name != name));
            unknown += chapter.IgnoredTests.Count; // tests the trusted manifest does not list: the grader ignored them
            var tests = new List<TestResult>();
            var points = 0;
            foreach (var t in full.Tests)
            {
                var test = mine.GetValueOrDefault(t.Name) ?? t with
                {
                    Status = t.Status == TestStatus.Skipped ? TestStatus.Skipped : TestStatus.NotRun, Points = 0,
                    Message = chapter.Status == ChapterStatus.BuildError ? "the chapter did not build" : "not run",
                    ExceptionType = null, Location = null, Output = null, DurationSeconds = 0,
                };
                tests.Add(test);
                if (t.Status != TestStatus.Skipped) points += test.Points;
            }
            return chapter with { Tests = tests, Points = points, MaxPoints = full.MaxPoints, SkippedPoints = full.SkippedPoints };
        }).ToList();
        return (student with { Chapters = chapters, Score = GradeResult.Total(chapters) }, unknown);
    }

    /// <summary>
    /// One row per entry: its commit, then points and maximum per chapter, total, maximum and percent
    /// (the same maxima on every row), flags, and what went wrong for an entry that could not be graded.
    /// </summary>
    public static string Csv(IReadOnlyList<Row> rows, GradeResult course)
    {
        static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        var csv = new StringBuilder();
        string[] header = ["student", "commit", .. course.Chapters.SelectMany(c => new[] { c.Id, c.Id + " max" }), "total", "max", "percent", "flags", "error", "same code as"];
        csv.AppendLine(string.Join(",", header.Select(Field)));
        foreach (var row in rows)
        {
            var cells = new List<string> { row.Student, row.Result?.Run.Commit ?? "" };
            foreach (var chapter in course.Chapters)
            {
                cells.Add(row.Result?.Chapters.FirstOrDefault(c => c.Id == chapter.Id) is { } mine ? N(mine.Points) : "");
                cells.Add(N(chapter.MaxPoints));
            }
            cells.Add(row.Result is { } r ? N(r.Score.Points) : "");
            cells.Add(N(course.Score.MaxPoints));
            cells.Add(row.Result is { } s && course.Score.MaxPoints > 0 ? (100.0 * s.Score.Points / course.Score.MaxPoints).ToString("0.0", CultureInfo.InvariantCulture) : "");
            cells.Add(string.Join(";", row.Flags));
            cells.Add(row.Error ?? "");
            cells.Add(row.SameCodeAs ?? "");
            csv.AppendLine(string.Join(",", cells.Select(Field)));
        }
        return csv.ToString();
    }

    // RFC 4180: quote a field holding a comma, a quote or a line break; double the quotes.
    static string Field(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
