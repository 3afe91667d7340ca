using Katas.Tooling;
using Katas.Grader.Layout;
using System.Text.Json;
using Katas.Grader.Model;

namespace Katas.Grader.Core;

/// <summary>
/// The learner's latest result per chapter (artifacts/katas/progress-TRACK.json), so that `katas`
/// can show where they stand without re-running every chapter; and what the learner did last
/// (artifacts/katas/learner.json): the chapter graded last, and how many hint levels of each step
/// they have seen, so that `hint` goes one level further each time it is asked.
/// </summary>
public static class ProgressStore
{
    static string PathFor(Course course, string track) => Path.Combine(course.WorkFolder, $"progress-{track}.json");

    static string LearnerPath(Course course) => Path.Combine(course.WorkFolder, "learner.json");

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

    public static GradeResult? Load(Course course, string track)
    {
        var path = PathFor(course, track);
        try { return File.Exists(path) ? JsonResults.Read(path) : null; }
        catch (GraderException) { return null; } // an old or broken file is just no progress
    }

    /// <summary>Keeps the newest result of each chapter; returns the merged view.</summary>
    public static GradeResult Merge(Course course, GradeResult latest)
    {
        var previous = Load(course, latest.Run.Track);
        var chapters = (previous?.Chapters ?? []).Where(c => latest.Chapters.All(l => l.Id != c.Id))
            .Concat(latest.Chapters).OrderBy(c => c.Number).ToList();
        var merged = latest with { Chapters = chapters, Score = GradeResult.Total(chapters) };
        JsonResults.Write(merged, PathFor(course, latest.Run.Track));
        if (latest.Run.Track == Running.GradeOptions.ExercisesTrack && LastOf(latest) is { } last)
            SaveLearner(course, LoadLearner(course) with { LastGraded = last });
        return merged;
    }

    // One chapter graded: that one. Several: the first that does not pass yet (where the learner is).
    static string? LastOf(GradeResult run) =>
        run.Chapters.Count == 1 ? run.Chapters[0].Id
            : run.Chapters.OrderBy(c => c.Number).FirstOrDefault(c => c.Status != ChapterStatus.Passed)?.Id;

    public static Learner LoadLearner(Course course)
    {
        var path = LearnerPath(course);
        try { return File.Exists(path) ? JsonSerializer.Deserialize<Learner>(File.ReadAllText(path), Json) ?? new Learner() : new Learner(); }
        catch (JsonException) { return new Learner(); } // a broken file only forgets which hints were shown
    }

    /// <summary>Records that <paramref name="levels"/> hint levels of a step have been shown (never fewer than before).</summary>
    public static Learner Reveal(Course course, string chapter, int step, int levels)
    {
        var learner = LoadLearner(course);
        var steps = learner.Revealed.GetValueOrDefault(chapter) ?? [];
        steps[step] = Math.Max(levels, steps.GetValueOrDefault(step));
        learner.Revealed[chapter] = steps;
        SaveLearner(course, learner);
        return learner;
    }

    static void SaveLearner(Course course, Learner learner) =>
        AtomicFile.WriteAllText(LearnerPath(course), JsonSerializer.Serialize(learner, Json) + "\n");
}
