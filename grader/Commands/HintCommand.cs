using Katas.Grader.Layout;
using System.ComponentModel;
using Katas.Grader.Core;
using Katas.Grader.Model;
using Katas.Grader.Rendering;
using Katas.Grader.Running;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Grader.Commands;

/// <summary>
/// `katas hint [chapter] [--all]`: the next test to fix with its whole message, the README step it
/// belongs to, and the step's hints one level at a time (concept, API, near-code): each `hint` for
/// the same step shows one more level; `--all` shows every level. What was shown is remembered.
/// </summary>
public sealed class HintCommand(IAnsiConsole console) : AsyncCommand<HintCommand.Settings>
{
    public sealed class Settings : CommonSettings
    {
        [CommandArgument(0, "[chapter]")]
        [Description("Chapter number or folder name (default: the chapter you graded last, or the next one if it passes).")]
        public string? Chapter { get; init; }

        [CommandOption("--all")]
        [Description("Show every hint level of the step at once.")]
        public bool All { get; init; }

        [CommandOption("--step <STEP>")]
        [Description("The hints of this README step, whatever test you are on (a step you passed, or one ahead).")]
        public int? Step { get; init; }

        [CommandOption("--list")]
        [Description("List the chapter's steps and the hint levels each has (and which you have seen), without showing or spending any.")]
        public bool List { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var course = settings.ResolveCourse();
        var progress = LearnerProgress.Load(course);
        var chapter = settings.Chapter is { } c ? course.Select([c])[0] : progress.Current();
        var saved = progress.Saved?.Chapters.FirstOrDefault(r => r.Id == chapter.Id);
        if (settings.List)
        {
            List(progress, chapter, saved);
            return 0;
        }
        if (settings.Step is { } chosen)
        {
            if (!Hints.ReadmeSteps(chapter).Contains(chosen))
                throw new GraderException($"Chapter {chapter.Number} has no README step {chosen}; its steps: {string.Join(", ", Hints.ReadmeSteps(chapter))}.");
            console.Write(new Rule($"Hint — chapter {chapter.Number}, {Markup.Escape(chapter.Title)}").LeftJustified());
            Show(progress, chapter, chosen, settings.All);
            return 0;
        }
        if (saved is null)
        {
            var graded = await GradeCommand.GradeWithProgressAsync(console, course, new GradeOptions { Chapters = [chapter.Id] }, cancellationToken)
                .ConfigureAwait(false);
            progress = LearnerProgress.Record(course, graded);
            saved = progress.Saved!.Chapters.First(r => r.Id == chapter.Id);
        }
        console.Write(new Rule($"Hint — chapter {chapter.Number}, {Markup.Escape(chapter.Title)}").LeftJustified());
        // First, not last: a learner who went on with `dotnet test` must know this is the grader's older view.
        console.MarkupLine($"[grey]From your last graded run of chapter {chapter.Number} (plain `dotnet test` runs are not seen): " +
                           $"`{Guide.WatchCommand}` or `dotnet run --project grader -- grade --chapter {chapter.Number}` refreshes it.[/]");
        if (saved.Status == ChapterStatus.BuildError)
        {
            console.MarkupLine("[red]Your code does not compile yet:[/]");
            foreach (var e in saved.BuildErrors.Take(5)) console.MarkupLine($"  [red]{Markup.Escape(e.ToString())}[/]");
            return 0;
        }
        var next = Words.NextToFix(saved);
        if (next is null)
        {
            console.MarkupLine("[green]Every test of this chapter passed in your last run.[/] Move on to the next chapter: [blue]dotnet run --project grader[/]");
            return 0;
        }

        console.MarkupLine($"[bold]{Markup.Escape(Words.Sentence(next.Method))}[/] ({Words.Label(next.Status)})");
        console.MarkupLine($"[yellow]{Markup.Escape(Words.Full(next.Message))}[/]");
        if (Words.StepOf(next) is not { } step)
        {
            console.MarkupLine($"[grey]This test names no README step: read exercises/{Markup.Escape(chapter.Id)}/README.md.[/]");
            return 0;
        }
        Show(progress, chapter, step, settings.All, next);
        return 0;
    }

    // The step's README title, where to write it, and its hint levels: one more each time (every
    // level with --all); what was shown is remembered.
    void Show(LearnerProgress progress, Chapter chapter, int step, bool all, TestResult? next = null)
    {
        var lesson = Hints.For(chapter, step);
        // With hints, the step's title points to the README (the hints' first level says the same in
        // other words); without them the README's step is the whole guide.
        if (lesson.Levels.Count > 0)
            console.MarkupLine($"[blue]README step {step}[/]{(lesson.Title is { } t ? $": {Markup.Escape(t)}" : "")} " +
                               $"[grey](exercises/{Markup.Escape(chapter.Id)}/README.md)[/]");
        else if (lesson.ReadmeStep is { } text)
            console.Write(new Panel(Markup.Escape(text)).Header($"README step {step}").BorderColor(Color.Blue));
        if ((next is null ? lesson.WhereToWrite : Guide.WhereToWrite(next, lesson)) is { } file) console.MarkupLine($"Write it in [blue]{Markup.Escape(file)}[/]");

        var shown = all ? lesson.Levels.Count
            : Math.Min(lesson.Levels.Count, progress.Revealed(chapter, step) + 1);
        if (lesson.Levels.Count == 0)
            console.MarkupLine($"[grey]No hints.md section for step {step} yet: the README step above is the guide.[/]");
        foreach (var (level, i) in lesson.Levels.Take(shown).Select((l, i) => (l, i)))
            console.Write(new Panel(Markup.Escape(level.Text)).Header($"Hint {i + 1} of {lesson.Levels.Count}: {Markup.Escape(level.Title)}")
                .BorderColor(i == shown - 1 ? Color.Yellow : Color.Grey));
        if (shown > 0) progress.Reveal(chapter, step, shown);
        if (shown < lesson.Levels.Count)
            console.MarkupLine($"[grey]Still stuck? Run [blue]dotnet run --project grader -- hint {chapter.Number}{(next is null ? $" --step {step}" : "")}[/] again for the next level " +
                               $"({Markup.Escape(lesson.Levels[shown].Title)}), or add --all.[/]");
    }

    // What exists, without spending a level: every README step, its hint levels by title, how many
    // the learner has seen, and the step of the test to fix next (from the last run, not a new one).
    void List(LearnerProgress progress, Chapter chapter, ChapterResult? saved)
    {
        var current = saved is null ? null : Words.NextToFix(saved) is { } next ? Words.StepOf(next) : null;
        var table = new Table().Border(TableBorder.Rounded).Title($"Hints — chapter {chapter.Number}, {Markup.Escape(chapter.Title)}")
            .AddColumn("Step").AddColumn("README").AddColumn("Levels").AddColumn("Seen");
        foreach (var step in Hints.ReadmeSteps(chapter))
        {
            var lesson = Hints.For(chapter, step);
            var seen = Math.Min(progress.Revealed(chapter, step), lesson.Levels.Count);
            table.AddRow(step == current ? $"[yellow]{step} ◀ your next test[/]" : $"{step}", Markup.Escape(lesson.Title ?? ""),
                Markup.Escape(string.Join(", ", lesson.Levels.Select(l => l.Title))), $"{seen} of {lesson.Levels.Count}");
        }
        console.Write(table);
        console.MarkupLine(saved is null
            ? $"[grey]Not graded yet: [blue]dotnet run --project grader -- hint {chapter.Number}[/] runs the tests and shows the first level for the test you are on.[/]"
            : $"[grey][blue]dotnet run --project grader -- hint {chapter.Number}[/] shows the next level for the test you are on; --all shows them all.[/]");
    }
}
