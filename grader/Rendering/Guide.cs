using Katas.Grader.Core;
using Katas.Grader.Layout;
using Katas.Grader.Model;
using Katas.Grader.Running;
using Spectre.Console;

namespace Katas.Grader.Rendering;

/// <summary>What a learner should do next, from where they stand. Returns Spectre markup.</summary>
public static class Guide
{
    public const string WatchCommand = "dotnet run --project grader -- watch";

    /// <param name="chapters">Every chapter of the course (those never graded as not started), so that
    /// "All done" means the whole course.</param>
    /// <param name="lesson">The README step, hints and stub line of a chapter's step, where known.</param>
    /// <param name="workingOn">The chapter the learner graded last (<see cref="LearnerProgress.Focus"/>).</param>
    public static (string Title, string Body) NextStep(IEnumerable<ChapterResult> chapters, Func<string, int, Hints.Lesson?>? lesson = null,
        string? workingOn = null)
    {
        var ordered = chapters.OrderBy(c => c.Number).ToList();
        var current = LearnerProgress.Focus(ordered, workingOn);
        if (current is null)
            return ("All done", ordered.Count == 0 ? "No chapter graded yet." :
                $"[green]All {ordered.Count} chapters pass.[/] Try the GPU lane (README, 'Backends'), or go back to a chapter and solve it another way: the tests tell you whether it still works.");
        var where = $"exercises/{current.Id}/";
        var title = $"Next: chapter {current.Number}, {Markup.Escape(current.Title)}";
        // A learner who moved ahead is followed, and told what they left open behind them.
        var open = ordered.Where(c => c.Number < current.Number && c.Status != ChapterStatus.Passed).Select(c => c.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var behind = open.Count == 0 ? "" : $"\n[grey]Still open before it: chapter{(open.Count > 1 ? "s" : "")} {string.Join(", ", open)}.[/]";
        if (current.Status == ChapterStatus.BuildError)
        {
            var first = current.BuildErrors.Count > 0 ? current.BuildErrors[0] : null;
            return (title, $"Your code does not compile yet.\n[red]{Markup.Escape(first?.ToString() ?? current.Message ?? "")}[/]\n" +
                           $"Fix that, then run [blue]{WatchCommand}[/] to re-test on every save." + behind);
        }
        var test = Words.NextToFix(current);
        if (test is null)
            return (title, (current.Tests.Count == 0
                ? $"Run [blue]dotnet run --project grader[/] to test chapter {current.Number}."
                : Markup.Escape(current.Message ?? "Run the chapter's tests again.")) + behind);
        var step = Words.StepOf(test);
        var about = step is { } s ? lesson?.Invoke(current.Id, s) : null;
        var verb = test.Status == TestStatus.NotImplemented ? "Write the code this test needs" : "Make this test pass";
        var stepLine = step is null ? "" : $", step {step}{(about?.Title is { } t ? $" ({Markup.Escape(t)})" : "")}";
        return (title,
            $"Read [blue]{where}README.md[/]{stepLine}, then: {verb}:\n" +
            $"  [bold]{Markup.Escape(Words.Sentence(test.Method))}[/]\n" +
            Indent($"[yellow]{Markup.Escape(Words.Full(test.Message, 25))}[/]") + "\n" +
            (WhereToWrite(test, about) is { } file ? $"  Write it in [blue]{Markup.Escape(file)}[/]\n" : "") +
            $"Run [blue]{WatchCommand}[/] and save your files: the tests re-run each time. " +
            $"Stuck? [blue]dotnet run --project grader -- hint {current.Number}[/]" + behind);
    }

    /// <summary>
    /// The learner's file and line: where a stub threw, else the stub's "TODO n" for the test's
    /// step. Never a test file: the learner does not write there.
    /// </summary>
    public static string? WhereToWrite(TestResult test, Hints.Lesson? lesson)
    {
        if (test.Status == TestStatus.NotImplemented && test.Location is { } loc && !IsTestFile(loc)
            && StackFrame().Match(loc) is { Success: true } m)
            return $"{m.Groups[1].Value}:{m.Groups[2].Value}";
        return lesson?.WhereToWrite;
    }

    /// <summary>Whether a stack frame's file is not the learner's, by the one rule (<see cref="LearnerFiles"/>): a chapter's top-level Tests/.</summary>
    static bool IsTestFile(string location)
    {
        if (StackFrame().Match(location) is not { Success: true } m) return false;
        var parts = m.Groups[1].Value.Replace('\\', '/').Split('/');
        var at = Array.LastIndexOf(parts, Course.ExercisesFolder);
        // exercises/<chapter>/<path in the chapter>
        return at >= 0 && parts.Length > at + 2 && !LearnerFiles.IsLearnerSource(string.Join('/', parts[(at + 2)..]));
    }

    static string Indent(string text) => string.Join('\n', text.Split('\n').Select(l => "  " + l));

    static System.Text.RegularExpressions.Regex StackFrame() => new(@" in (\S.*?):line (\d+)", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
}
