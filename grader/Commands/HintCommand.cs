using System.ComponentModel;
using Katas.Grader.Rendering;
using Katas.Grader.Running;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Grader.Commands;

/// <summary>`katas hint [chapter]`: the next test to fix, the README step it points to, and the chapter's hints.</summary>
public sealed class HintCommand : AsyncCommand<HintCommand.Settings>
{
    readonly IAnsiConsole console = AnsiConsole.Console;

    public sealed class Settings : CommonSettings
    {
        [CommandArgument(0, "[chapter]")]
        [Description("Chapter number or folder name (default: the one you are on).")]
        public string? Chapter { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var repo = settings.ResolveRepo();
        var chapter = settings.Chapter is { } c ? Chapter.Select(repo, [c])[0]
            : StatusCommand.CurrentChapter(Chapter.All(repo), ProgressStore.Load(repo, "exercises"));
        var saved = ProgressStore.Load(repo, "exercises")?.Chapters.FirstOrDefault(r => r.Id == chapter.Id);
        if (saved is null)
        {
            var graded = await GradeCommand.GradeWithProgressAsync(console, repo, new GradeOptions { Chapters = [chapter.Id] }, cancellationToken)
                .ConfigureAwait(false);
            saved = ProgressStore.Merge(repo, graded).Chapters.First(r => r.Id == chapter.Id);
        }
        var next = Words.NextToFix(saved);
        console.Write(new Rule($"Hint — chapter {chapter.Number}, {Markup.Escape(chapter.Title)}").LeftJustified());
        if (next is null)
        {
            console.MarkupLine("[green]Every test of this chapter passed in your last run.[/] Move on to the next chapter!");
            return 0;
        }
        var hint = Hints.For(chapter, next.Message);
        console.MarkupLine($"[bold]{Markup.Escape(Words.Sentence(next.Method))}[/] ({Words.Label(next.Status)})");
        console.MarkupLine($"[yellow]{Markup.Escape(Words.Brief(next.Message, 600))}[/]");
        if (hint.Step is { } step) console.Write(new Panel(Markup.Escape(step)).Header("From the chapter's README").BorderColor(Color.Blue));
        if (hint.Tips.Count > 0)
        {
            console.MarkupLine("[bold]Hints[/]");
            foreach (var tip in hint.Tips) console.MarkupLine($" • {Markup.Escape(tip)}");
        }
        console.MarkupLine($"[grey]Results are from your last run of this chapter; `{Guide.WatchCommand}` keeps them fresh.[/]");
        return 0;
    }
}
