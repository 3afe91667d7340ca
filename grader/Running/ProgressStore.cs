using System.Text.Json;
using Katas.Grader.Model;
using Katas.Grader.Rendering;

namespace Katas.Grader.Running;

/// <summary>
/// The learner's latest result per chapter (artifacts/katas/progress-TRACK.json), so that `katas`
/// can show where they stand without re-running every chapter; and what the learner did last
/// (artifacts/katas/learner.json): the chapter graded last, and how many hint levels of each step
/// they have seen, so that `hint` goes one level further each time it is asked.
/// </summary>
public static class ProgressStore
{
    static string PathFor(string repo, string track) => Path.Combine(repo, "artifacts", "katas", $"progress-{track}.json");

    static string LearnerPath(string repo) => Path.Combine(repo, "artifacts", "katas", "learner.json");

    /// <summary>What the grader remembers of the learner between commands.</summary>
    public sealed record Learner
    {
        /// <summary>The chapter the learner's last grading run was about (exercises track).</summary>
        public string? LastGraded { get; init; }
        /// <summary>chapter id -> step -> how many hint levels have been shown.</summary>
        public Dictionary<string, Dictionary<int, int>> Revealed { get; init; } = [];

        public int RevealedLevels(string chapter, int step) => Revealed.GetValueOrDefault(chapter)?.GetValueOrDefault(step) ?? 0;
    }

    static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

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
        if (latest.Run.Track == "exercises" && LastOf(latest) is { } last)
            SaveLearner(repo, LoadLearner(repo) with { LastGraded = last });
        return merged;
    }

    // One chapter graded: that one. Several: the first that does not pass yet (where the learner is).
    static string? LastOf(GradeResult run) =>
        run.Chapters.Count == 1 ? run.Chapters[0].Id
            : run.Chapters.OrderBy(c => c.Number).FirstOrDefault(c => c.Status != ChapterStatus.Passed)?.Id;

    public static Learner LoadLearner(string repo)
    {
        var path = LearnerPath(repo);
        try { return File.Exists(path) ? JsonSerializer.Deserialize<Learner>(File.ReadAllText(path), Json) ?? new Learner() : new Learner(); }
        catch (JsonException) { return new Learner(); } // a broken file only forgets which hints were shown
    }

    /// <summary>Records that <paramref name="levels"/> hint levels of a step have been shown (never fewer than before).</summary>
    public static Learner Reveal(string repo, string chapter, int step, int levels)
    {
        var learner = LoadLearner(repo);
        var steps = learner.Revealed.GetValueOrDefault(chapter) ?? [];
        steps[step] = Math.Max(levels, steps.GetValueOrDefault(step));
        learner.Revealed[chapter] = steps;
        SaveLearner(repo, learner);
        return learner;
    }

    static void SaveLearner(string repo, Learner learner) =>
        Integrity.AtomicFile.WriteAllText(LearnerPath(repo), JsonSerializer.Serialize(learner, Json) + "\n");
}
