using Katas.Grader.Model;
using Katas.Grader.Rendering;
using Katas.Grader.Running;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Grader.Commands;

/// <summary>
/// `katas` with no arguments: where the learner stands and what to do next. It grades the chapter
/// they are on (the first one not yet passing, according to their last results), and shows every
/// chapter from the saved progress.
/// </summary>
public sealed class StatusCommand : AsyncCommand<CommonSettings>
{
    readonly IAnsiConsole console = AnsiConsole.Console;

    public override async Task<int> ExecuteAsync(CommandContext context, CommonSettings settings, CancellationToken cancellationToken)
    {
        var repo = settings.ResolveRepo();
        var chapters = Chapter.All(repo);
        if (chapters.Count == 0) throw new GraderException($"{repo} has no chapters.");
        var saved = ProgressStore.Load(repo, "exercises");
        var current = CurrentChapter(chapters, saved, ProgressStore.LoadLearner(repo).LastGraded);

        console.MarkupLine($"[grey]Checking chapter {current.Number} ({Markup.Escape(current.Title)})...[/]");
        var result = await GradeCommand.GradeWithProgressAsync(console,
            repo, new GradeOptions { Chapters = [current.Id] }, cancellationToken).ConfigureAwait(false);
        var merged = ProgressStore.Merge(repo, result);

        var all = Overview(repo, merged);
        console.Write(new Rule($"[bold]TorchSharp Katas[/] — your progress: {all.Sum(c => c.Points)} / {all.Sum(c => c.MaxPoints)} points").LeftJustified());
        console.Write(ConsoleReport.Table(all));
        ConsoleReport.Tamper(console, result.Tamper);
        ConsoleReport.NotCounted(console, result.Chapters);
        var workingOn = ProgressStore.LoadLearner(repo).LastGraded;
        Files(console, repo, Guide.Focus(all, workingOn), chapters);
        ConsoleReport.Next(console, all, Lessons(chapters), workingOn);
        console.MarkupLine("[grey]More: dotnet run --project grader -- --help   (grade, watch, hint, doctor, report)[/]");
        return 0;
    }

    /// <summary>
    /// Every chapter of the course: its saved result, or "not started" with the points it can
    /// score on this machine (from the manifest; GPU-only tests count only where there is CUDA).
    /// </summary>
    public static IReadOnlyList<ChapterResult> Overview(string repo, GradeResult merged)
    {
        var manifest = Integrity.TestManifest.Load(repo);
        return Chapter.All(repo).Select(c => merged.Chapters.FirstOrDefault(m => m.Id == c.Id) ?? new ChapterResult
        {
            Id = c.Id, Number = c.Number, Title = c.Title, Status = ChapterStatus.NotStarted,
            MaxPoints = manifest?.MaxPoints(c.Id, merged.Run.CudaAvailable) ?? 0,
        }).ToList();
    }

    /// <summary>The README step, hints and stub line of a chapter's step, for the "Next" box.</summary>
    public static Func<string, int, Hints.Lesson?> Lessons(IReadOnlyList<Chapter> chapters) =>
        (id, step) => chapters.FirstOrDefault(c => c.Id == id) is { } chapter ? Hints.For(chapter, step) : null;

    // Which files of the chapter the learner is on are theirs, and which are given.
    static void Files(IAnsiConsole output, string repo, ChapterResult? on, IReadOnlyList<Chapter> chapters)
    {
        if (on is null || chapters.FirstOrDefault(c => c.Id == on.Id) is not { } chapter) return;
        var (yours, given) = Hints.Files(chapter, Integrity.TestManifest.Load(repo)?.LearnerFiles?.GetValueOrDefault(chapter.Id));
        output.MarkupLine($"Chapter {chapter.Number}: [bold]you write[/] {Markup.Escape(string.Join(", ", yours))}" +
                          (given.Count > 0 ? $"; [grey]given (read, do not change): {Markup.Escape(string.Join(", ", given))}[/]" : ""));
    }

    /// <summary>
    /// The chapter the learner is on (<see cref="Guide.Focus"/>), from the saved results: chapter 1
    /// for a newcomer, the last chapter when every one passes.
    /// </summary>
    public static Chapter CurrentChapter(IReadOnlyList<Chapter> chapters, GradeResult? saved, string? workingOn)
    {
        var results = chapters.Select(c => saved?.Chapters.FirstOrDefault(s => s.Id == c.Id) ?? new ChapterResult
            { Id = c.Id, Number = c.Number, Title = c.Title, Status = ChapterStatus.NotStarted }).ToList();
        return Guide.Focus(results, workingOn) is { } on ? chapters.First(c => c.Id == on.Id) : chapters[^1];
    }
}
