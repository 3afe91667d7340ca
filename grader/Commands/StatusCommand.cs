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
        var current = CurrentChapter(chapters, saved);

        console.MarkupLine($"[grey]Checking chapter {current.Number} ({Markup.Escape(current.Title)})...[/]");
        var result = await GradeCommand.GradeWithProgressAsync(console,
            repo, new GradeOptions { Chapters = [current.Id] }, cancellationToken).ConfigureAwait(false);
        var merged = ProgressStore.Merge(repo, result);

        // Chapters never graded show as not started, with their size from the manifest.
        var manifest = Integrity.TestManifest.Load(repo);
        var all = chapters.Select(c => merged.Chapters.FirstOrDefault(m => m.Id == c.Id) ?? new ChapterResult
        {
            Id = c.Id, Number = c.Number, Title = c.Title, Status = ChapterStatus.NotStarted,
            MaxPoints = manifest?.Tests.GetValueOrDefault(c.Id)?.Values.Sum() ?? 0,
        }).ToList();
        console.Write(new Rule($"[bold]TorchSharp Katas[/] — your progress: {all.Sum(c => c.Points)} / {all.Sum(c => c.MaxPoints)} points").LeftJustified());
        console.Write(ConsoleReport.Table(all));
        ConsoleReport.Tamper(console, result.Tamper);
        ConsoleReport.Next(console, all);
        console.MarkupLine("[grey]More: dotnet run --project grader -- --help   (grade, watch, hint, doctor, report)[/]");
        return 0;
    }

    /// <summary>The first chapter whose saved result is not a pass (chapter 1 for a newcomer).</summary>
    public static Chapter CurrentChapter(IReadOnlyList<Chapter> chapters, GradeResult? saved) =>
        chapters.FirstOrDefault(c => saved?.Chapters.FirstOrDefault(s => s.Id == c.Id)?.Status != ChapterStatus.Passed) ?? chapters[^1];
}
