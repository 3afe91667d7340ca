using Katas.Grader.Integrity;
using Katas.Grader.Layout;
using Katas.Grader.Model;
using Katas.Grader.Running;

namespace Katas.Grader.Core;

/// <summary>
/// One result from results of disjoint chapters: how the pull-request workflow joins the chapters it
/// graded on separate runners. With a plan, every planned chapter is in the result: one whose grading
/// left no result file scores 0 of its maximum in the manifest, and says so, so the maximum never shrinks.
/// </summary>
public static class ResultMerge
{
    /// <summary>"01-A,02-B" or ["01-A","02-B"] (what the workflow's plan job prints).</summary>
    public static IReadOnlyList<string> Planned(string list) =>
        list.Trim().Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(id => id.Trim('"')).Where(id => id.Length > 0).Distinct().ToList();

    /// <summary>
    /// The merge of <paramref name="parts"/> holding exactly the <paramref name="planned"/> chapters: a result for
    /// a chapter outside the plan is refused; a planned chapter without one counts 0 of its points in the
    /// manifest of <paramref name="course"/> (the trusted checkout), every test "not run" with the reason.
    /// </summary>
    public static GradeResult Merge(IReadOnlyList<GradeResult> parts, IReadOnlyList<string> planned, Course course)
    {
        if (planned.Count == 0) throw new GraderException("merge: --chapters lists no chapter.");
        var extra = parts.SelectMany(p => p.Chapters).Select(c => c.Id).FirstOrDefault(id => !planned.Contains(id));
        if (extra is not null)
            throw new GraderException($"merge: a result holds chapter {extra}, which is not in --chapters ({string.Join(", ", planned)}).");
        var graded = parts.SelectMany(p => p.Chapters).Select(c => c.Id).ToHashSet();
        var missing = planned.Where(id => !graded.Contains(id)).ToList();
        if (missing.Count == 0) return Merge(parts);
        var manifest = TestManifest.Load(course.Root)
            ?? throw new GraderException($"merge: chapter {missing[0]} has no result and {Course.TestManifestPath} is missing, so its maximum is unknown.");
        var onDisk = course.Chapters;
        var zeros = missing.Select(id => NotGraded(id, manifest, onDisk)).ToList();
        var placeholder = new GradeResult
        {
            Run = parts.Count > 0 ? parts[0].Run : Facts.Collect(course, new GradeOptions(), DateTimeOffset.Now, torch: null) with { FinishedAt = DateTimeOffset.Now },
            Score = GradeResult.Total(zeros), Tamper = new TamperReport { ManifestFound = true }, Chapters = zeros,
        };
        return Merge([.. parts, placeholder]);
    }

    static ChapterResult NotGraded(string id, TestManifest manifest, IReadOnlyList<Chapter> onDisk)
    {
        var tests = manifest.Tests.GetValueOrDefault(id)
            ?? throw new GraderException($"merge: chapter {id} has no result and is not in the manifest, so its maximum is unknown.");
        var why = "not graded: its grading job left no result (it failed, timed out or was cancelled)";
        var results = tests.Select(t => TestResult.NotRun(t.Key, t.Value, why)).ToList();
        var chapter = onDisk.FirstOrDefault(c => c.Id == id);
        var number = chapter?.Number ?? (int.TryParse(id.Split('-')[0], System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0);
        return new ChapterResult
        {
            Id = id, Number = number, Title = chapter?.Title ?? id, Status = ChapterStatus.Crashed,
            MaxPoints = results.Sum(t => t.MaxPoints), Tests = results,
            Message = $"{why}; it counts 0 of its {results.Sum(t => t.MaxPoints)} points.",
        };
    }

    public static GradeResult Merge(IReadOnlyList<GradeResult> parts)
    {
        if (parts.Count == 0) throw new GraderException("merge: give at least one result file.");
        var tracks = parts.Select(p => p.Run.Track).Distinct().ToList();
        if (tracks.Count > 1) throw new GraderException($"merge: the results are of different tracks ({string.Join(", ", tracks)}).");
        var duplicate = parts.SelectMany(p => p.Chapters).GroupBy(c => c.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new GraderException($"merge: chapter {duplicate.Key} is in more than one result.");
        var chapters = parts.SelectMany(p => p.Chapters).OrderBy(c => c.Number).ToList();
        static List<string> Union(IEnumerable<IReadOnlyList<string>> lists) => lists.SelectMany(l => l).Distinct().Order(StringComparer.Ordinal).ToList();
        var first = parts[0];
        return first with
        {
            Run = first.Run with
            {
                StartedAt = parts.Min(p => p.Run.StartedAt),
                FinishedAt = parts.Max(p => p.Run.FinishedAt),
            },
            Chapters = chapters,
            Score = GradeResult.Total(chapters),
            Tamper = new TamperReport
            {
                ManifestFound = parts.All(p => p.Tamper.ManifestFound),
                Changed = Union(parts.Select(p => p.Tamper.Changed)),
                Added = Union(parts.Select(p => p.Tamper.Added)),
                Deleted = Union(parts.Select(p => p.Tamper.Deleted)),
                TrustedTests = first.Tamper.TrustedTests,
            },
            // Chapters ran side by side: the wall time is the longest part.
            DurationSeconds = parts.Max(p => p.DurationSeconds),
        };
    }
}
