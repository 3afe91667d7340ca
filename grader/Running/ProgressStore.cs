using Katas.Grader.Model;
using Katas.Grader.Rendering;

namespace Katas.Grader.Running;

/// <summary>
/// The learner's latest result per chapter (artifacts/katas/progress-TRACK.json), so that `katas`
/// can show where they stand without re-running every chapter.
/// </summary>
public static class ProgressStore
{
    static string PathFor(string repo, string track) => Path.Combine(repo, "artifacts", "katas", $"progress-{track}.json");

    public static GradeResult? Load(string repo, string track)
    {
        var path = PathFor(repo, track);
        try { return File.Exists(path) ? JsonResults.Read(path) : null; }
        catch (GraderException) { return null; } // an old or broken file is just no progress
    }

    /// <summary>Keeps the newest result of each chapter; returns the merged view.</summary>
    public static GradeResult Merge(string repo, GradeResult latest)
    {
        var previous = Load(repo, latest.Run.Track);
        var chapters = (previous?.Chapters ?? []).Where(c => latest.Chapters.All(l => l.Id != c.Id))
            .Concat(latest.Chapters).OrderBy(c => c.Number).ToList();
        var merged = latest with { Chapters = chapters, Score = GradeResult.Total(chapters) };
        JsonResults.Write(merged, PathFor(repo, latest.Run.Track));
        return merged;
    }
}
