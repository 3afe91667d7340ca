using Katas.Grader.Core;
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
public sealed class StatusCommand(IAnsiConsole console) : AsyncCommand<CommonSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CommonSettings settings, CancellationToken cancellationToken)
    {
        var course = settings.ResolveCourse();
        var current = LearnerProgress.Load(course).Current();

        console.MarkupLine($"[grey]Checking chapter {current.Number} ({Markup.Escape(current.Title)})...[/]");
        var result = await GradeCommand.GradeWithProgressAsync(console, course, new GradeOptions { Chapters = [current.Id] }, cancellationToken)
            .ConfigureAwait(false);
        var progress = LearnerProgress.Record(course, result);

        var all = progress.Overview();
        console.Write(new Rule($"[bold]TorchSharp Katas[/] — your progress: {all.Sum(c => c.Points)} / {all.Sum(c => c.MaxPoints)} points").LeftJustified());
        console.Write(ConsoleReport.Table(all));
        ConsoleReport.Tamper(console, result.Tamper);
        ConsoleReport.NotCounted(console, result.Chapters);
        if (LearnerProgress.Focus(all, progress.LastGraded) is { } on && course.Chapters.FirstOrDefault(c => c.Id == on.Id) is { } chapter)
        {
            var (yours, given) = progress.Files(chapter);
            console.MarkupLine($"Chapter {chapter.Number}: [bold]you write[/] {Markup.Escape(string.Join(", ", yours))}" +
                               (given.Count > 0 ? $"; [grey]given (read, do not change): {Markup.Escape(string.Join(", ", given))}[/]" : ""));
        }
        ConsoleReport.Next(console, all, progress.Lessons(), progress.LastGraded);
        console.MarkupLine("[grey]More: dotnet run --project grader -- --help   (grade, watch, hint, doctor, report)[/]");
        return 0;
    }
}
