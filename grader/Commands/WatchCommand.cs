using Katas.Grader.Layout;
using System.ComponentModel;
using Katas.Grader.Core;
using Katas.Grader.Model;
using Katas.Grader.Rendering;
using Katas.Grader.Running;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Grader.Commands;

/// <summary>`katas watch [chapter]`: re-runs the chapter's tests on every save, shows progress and the next test to fix.</summary>
public sealed class WatchCommand(IAnsiConsole console) : AsyncCommand<WatchCommand.Settings>
{
    public sealed class Settings : CommonSettings
    {
        [CommandArgument(0, "[chapter]")]
        [Description("Chapter number or folder name (default: the one you are on).")]
        public string? Chapter { get; init; }

        [CommandOption("--poll")]
        [Description("Look for changes every second instead of waiting for file-system events (network drives, containers, WSL). Also: KATAS_WATCH_POLL=1.")]
        public bool Poll { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var course = settings.ResolveCourse();
        var chapter = settings.Chapter is { } c ? course.Select([c])[0] : LearnerProgress.Load(course).Current();
        var poll = settings.Poll || Environment.GetEnvironmentVariable("KATAS_WATCH_POLL") == "1";
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Ctrl+C ends the watch, not the process; the handler goes when the watch does.
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; stop.Cancel(); };
        Console.CancelKeyPress += onCancel;
        using var unhook = new Unhook(() => Console.CancelKeyPress -= onCancel);
        using var watcher = new ChangeWatcher(chapter.Folder, poll);
        var options = new GradeOptions { Chapters = [chapter.Id] };
        // After the first whole build, a save that only edits .cs files is compiled by the compiler server alone.
        var recompile = new Recompile();

        try
        {
            while (!stop.IsCancellationRequested)
            {
                console.Clear();
                console.MarkupLine($"[grey]{DateTime.Now:HH:mm:ss} testing chapter {chapter.Number}, {Markup.Escape(chapter.Title)}...[/]");
                var result = await GradeCommand.GradeWithProgressAsync(console, course, options, recompile, stop.Token).ConfigureAwait(false);
                LearnerProgress.Record(course, result);
                var ch = result.Chapters[0];
                console.Write(ConsoleReport.Table([ch]));
                if (ch.Status == ChapterStatus.Passed)
                    console.MarkupLine($"[green]Chapter {ch.Number} passes: {ch.Points} / {ch.MaxPoints} points.[/] Next: [blue]dotnet run --project grader[/]");
                else
                    ShowNext(ch, chapter);
                recompile.WarmUp(course.Root, chapter, options.Track);
                console.MarkupLine($"[grey]Built in {recompile.LastDuration.TotalSeconds:0.0} s " +
                                   $"{(recompile.LastWasQuick ? "by the compiler server (only .cs files changed)" : "(dotnet build)")}, " +
                                   $"tested in {Math.Max(0, ch.DurationSeconds - recompile.LastDuration.TotalSeconds):0.0} s.[/]");
                console.MarkupLine($"[grey]Watching {Markup.Escape(Path.GetRelativePath(course.Root, chapter.Folder))} for saved .cs files" +
                                   $"{(watcher.Polling ? " (polling)" : "")}. Ctrl+C to stop.[/]");
                await watcher.WaitForChangeAsync(stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        return 0;
    }

    void ShowNext(ChapterResult ch, Chapter chapter)
    {
        if (ch.Status == ChapterStatus.BuildError)
        {
            console.MarkupLine("[red]Your code does not compile:[/]");
            foreach (var e in ch.BuildErrors.Take(5)) console.MarkupLine($"  [red]{Markup.Escape(e.ToString())}[/]");
            return;
        }
        var next = Words.NextToFix(ch);
        if (next is null) { console.MarkupLine(Markup.Escape(ch.Message ?? "")); return; }
        var lesson = Words.StepOf(next) is { } step ? Hints.For(chapter, step) : null;
        var body = $"[bold]{Markup.Escape(Words.Sentence(next.Method))}[/]\n[yellow]{Markup.Escape(Words.Full(next.Message, 25))}[/]" +
                   (lesson?.ReadmeStep is { } text ? $"\n\n[grey]README step {lesson.Step}: {Markup.Escape(Words.Brief(text, 600))}[/]" : "") +
                   (Guide.WhereToWrite(next, lesson) is { } file ? $"\nWrite it in [blue]{Markup.Escape(file)}[/]" : "");
        console.Write(new Panel(new Markup(body)).Header($"First test to fix ({Words.Label(next.Status)})").BorderColor(Color.Yellow));
    }

    sealed class Unhook(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
