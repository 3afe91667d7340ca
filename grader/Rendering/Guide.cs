using Katas.Grader.Model;
using Spectre.Console;

namespace Katas.Grader.Rendering;

/// <summary>What a learner should do next, from where they stand. Returns Spectre markup.</summary>
public static class Guide
{
    public const string WatchCommand = "dotnet run --project grader -- watch";

    public static (string Title, string Body) NextStep(IEnumerable<ChapterResult> chapters)
    {
        var ordered = chapters.OrderBy(c => c.Number).ToList();
        var current = ordered.FirstOrDefault(c => c.Status != ChapterStatus.Passed);
        if (current is null)
            return ("All done", ordered.Count == 0 ? "No chapter graded yet." :
                "[green]Every graded chapter passes.[/] Try the GPU lane (README, 'Backends'), or go back to a chapter and solve it another way: the tests tell you whether it still works.");
        var where = $"exercises/{current.Id}/";
        var title = $"Next: chapter {current.Number}, {Markup.Escape(current.Title)}";
        if (current.Status == ChapterStatus.BuildError)
        {
            var first = current.BuildErrors.Count > 0 ? current.BuildErrors[0] : null;
            return (title, $"Your code does not compile yet.\n[red]{Markup.Escape(first?.ToString() ?? current.Message ?? "")}[/]\n" +
                           $"Fix that, then run [blue]{WatchCommand}[/] to re-test on every save.");
        }
        var test = Words.NextToFix(current);
        if (test is null)
            return (title, Markup.Escape(current.Message ?? "Run the chapter's tests again."));
        var verb = test.Status == TestStatus.NotImplemented ? "Write the code this test needs" : "Make this test pass";
        return (title,
            $"Read [blue]{where}README.md[/], then: {verb}:\n" +
            $"  [bold]{Markup.Escape(Words.Sentence(test.Method))}[/]\n" +
            $"  [yellow]{Markup.Escape(Words.Brief(test.Message, 400))}[/]\n" +
            (test.Location is { } loc ? $"  [grey]{Markup.Escape(Words.Brief(loc, 200))}[/]\n" : "") +
            $"Run [blue]{WatchCommand}[/] and save your files: the tests re-run each time. " +
            $"Stuck? [blue]dotnet run --project grader -- hint {current.Number}[/]");
    }
}
