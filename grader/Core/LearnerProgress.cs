using Katas.Grader.Integrity;
using Katas.Grader.Layout;
using Katas.Grader.Model;
using Katas.Grader.Running;

namespace Katas.Grader.Core;

/// <summary>
/// Where a learner stands (like rustlings' app state): every chapter's last result, the chapter
/// they are on, and what the course says about each step. Read from the saved progress; grading
/// updates it.
/// </summary>
public sealed class LearnerProgress
{
    readonly Course _course;

    LearnerProgress(Course course, GradeResult? saved, ProgressStore.Learner learner)
    {
        _course = course;
        Saved = saved;
        Learner = learner;
    }

    /// <summary>The learner's progress in <paramref name="course"/> (exercises track), as saved by their last runs.</summary>
    public static LearnerProgress Load(Course course) =>
        new(course, ProgressStore.Load(course, GradeOptions.ExercisesTrack), ProgressStore.LoadLearner(course));

    public GradeResult? Saved { get; }
    public ProgressStore.Learner Learner { get; }

    /// <summary>The chapter graded last (the learner's focus while it does not pass).</summary>
    public string? LastGraded => Learner.LastGraded;

    /// <summary>Records a run of the learner's own code (merged with what was saved); returns the new progress.</summary>
    public static LearnerProgress Record(Course course, GradeResult run)
    {
        ProgressStore.Merge(course, run);
        return Load(course);
    }

    /// <summary>
    /// Every chapter of the course: its saved result, or "not started" with the points it can
    /// score on this machine (from the manifest; GPU-only tests count only where there is CUDA).
    /// </summary>
    public IReadOnlyList<ChapterResult> Overview()
    {
        var manifest = TestManifest.Load(_course.Root);
        var cuda = Saved?.Run.CudaAvailable ?? false;
        return _course.Chapters.Select(c => Saved?.Chapters.FirstOrDefault(m => m.Id == c.Id) ?? new ChapterResult
        {
            Id = c.Id, Number = c.Number, Title = c.Title, Status = ChapterStatus.NotStarted,
            MaxPoints = manifest?.MaxPoints(c.Id, cuda) ?? 0,
        }).ToList();
    }

    /// <summary>
    /// The chapter the learner is on (<see cref="Focus"/>): chapter 1 for a newcomer, the last
    /// chapter when every one passes.
    /// </summary>
    public Chapter Current()
    {
        var chapters = _course.Chapters;
        if (chapters.Count == 0) throw new GraderException($"{_course.Root} has no chapters.");
        return Current(chapters, Saved, LastGraded);
    }

    /// <summary>The chapter the learner is on, among <paramref name="chapters"/>, from <paramref name="saved"/> results.</summary>
    public static Chapter Current(IReadOnlyList<Chapter> chapters, GradeResult? saved, string? lastGraded)
    {
        var results = chapters.Select(c => saved?.Chapters.FirstOrDefault(s => s.Id == c.Id) ?? new ChapterResult
            { Id = c.Id, Number = c.Number, Title = c.Title, Status = ChapterStatus.NotStarted }).ToList();
        return Focus(results, lastGraded) is { } on ? chapters.First(c => c.Id == on.Id) : chapters[^1];
    }

    /// <summary>
    /// The chapter the learner is on: the one they graded last, while it does not pass; once it
    /// passes, the next one after it that does not (a learner who skipped ahead stays ahead), then
    /// the first that does not pass; null when every chapter passes.
    /// </summary>
    public static ChapterResult? Focus(IReadOnlyList<ChapterResult> chapters, string? workingOn)
    {
        var ordered = chapters.OrderBy(c => c.Number).ToList();
        var last = ordered.FirstOrDefault(c => c.Id == workingOn);
        if (last is not null && last.Status != ChapterStatus.Passed) return last;
        return (last is null ? null : ordered.FirstOrDefault(c => c.Number > last.Number && c.Status != ChapterStatus.Passed))
               ?? ordered.FirstOrDefault(c => c.Status != ChapterStatus.Passed);
    }

    /// <summary>The README step, hints and stub line of a chapter's step (for the "Next" box).</summary>
    public Func<string, int, Hints.Lesson?> Lessons()
    {
        var chapters = _course.Chapters;
        return (id, step) => chapters.FirstOrDefault(c => c.Id == id) is { } chapter ? Hints.For(chapter, step) : null;
    }

    /// <summary>Which files of a chapter the learner writes, and which are given (the manifest's list where there is one).</summary>
    public (IReadOnlyList<string> Yours, IReadOnlyList<string> Given) Files(Chapter chapter) =>
        Hints.Files(chapter, TestManifest.Load(_course.Root)?.LearnerFiles?.GetValueOrDefault(chapter.Id));

    /// <summary>How many hint levels of a step the learner has seen; <see cref="Reveal"/> records more.</summary>
    public int Revealed(Chapter chapter, int step) => Learner.RevealedLevels(chapter.Id, step);

    public void Reveal(Chapter chapter, int step, int levels) => ProgressStore.Reveal(_course, chapter.Id, step, levels);
}
