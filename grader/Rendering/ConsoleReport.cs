using Katas.Grader.Model;
using Spectre.Console;

namespace Katas.Grader.Rendering;

/// <summary>What the learner sees in the terminal: a table with a bar per chapter, and the next step.</summary>
public static class ConsoleReport
{
    public static void Render(IAnsiConsole console, GradeResult r, bool showNext = true)
    {
        console.Write(new Rule($"[bold]TorchSharp Katas[/] — {r.Score.Points} / {r.Score.MaxPoints} points ({Words.Percent(r.Score.Points, r.Score.MaxPoints)})").LeftJustified());
        console.MarkupLine($"[grey]{r.Run.Track} track · device {r.Run.Device}{(r.Run.Gpu is { } g ? $" ({Markup.Escape(g)})" : "")} · " +
                           $"backend {r.Run.Backend} · {(r.Run.Sandboxed ? "sandboxed" : "not sandboxed")} · {r.DurationSeconds:0.0} s[/]");
        if (!r.Run.Sandboxed && r.Run.SandboxNote is { } why)
            console.MarkupLine($"[grey]Not sandboxed: {Markup.Escape(why)}. Your own code is fine to run so; a submission is graded only in the sandbox.[/]");
        console.Write(Table(r.Chapters));
        Tamper(console, r.Tamper);
        foreach (var ch in r.Chapters.Where(c => c.Broken))
        {
            console.MarkupLine($"[red]{ch.Number}. {Markup.Escape(ch.Title)}: {Markup.Escape(ch.Message ?? Words.Label(ch.Status))}[/]");
            foreach (var e in ch.BuildErrors.Take(5)) console.MarkupLine($"  [red]{Markup.Escape(e.ToString())}[/]");
        }
        foreach (var ch in r.Chapters.Where(c => c.IgnoredTests.Count > 0))
            console.MarkupLine($"[yellow]{ch.Number}. {Markup.Escape(ch.Title)}: {Markup.Escape(Words.Ignored(ch))}[/]");
        NotCounted(console, r.Chapters);
        if (showNext) Next(console, r.Chapters);
    }

    /// <summary>Tests this machine cannot run (GPU-only without CUDA): not counted, so never points lost.</summary>
    public static void NotCounted(IAnsiConsole console, IEnumerable<ChapterResult> chapters)
    {
        var skipped = chapters.SelectMany(c => c.Tests).Where(t => t.Status == TestStatus.Skipped).ToList();
        if (skipped.Count == 0) return;
        var gpu = skipped.Count(t => t.GpuOnly);
        console.MarkupLine(gpu == skipped.Count
            ? $"[grey]{gpu} GPU-only test(s), {skipped.Sum(t => t.MaxPoints)} points: not counted here (no CUDA GPU), so not in the maximum. " +
              "They run where there is one (README, 'Backends').[/]"
            : $"[grey]{skipped.Count} test(s) skipped, not counted here: {Markup.Escape(Words.Brief(skipped.First(t => !t.GpuOnly).Message, 150))}[/]");
    }

    public static Table Table(IEnumerable<ChapterResult> chapters)
    {
        var table = new Table().RoundedBorder()
            .AddColumn("Chapter").AddColumn("Progress").AddColumn(new TableColumn("Points").RightAligned())
            .AddColumn(new TableColumn("Tests").RightAligned()).AddColumn(new TableColumn("Time").RightAligned()).AddColumn("Status");
        foreach (var ch in chapters)
        {
            var counted = ch.Tests.Count(t => t.Status != TestStatus.Skipped);
            table.AddRow(
                new Markup($"{ch.Number}. {Markup.Escape(ch.Title)}"),
                Bar(ch.Points, ch.MaxPoints),
                new Text($"{ch.Points} / {ch.MaxPoints}"),
                new Text($"{ch.Count(TestStatus.Passed)} / {counted}"),
                new Text($"{ch.DurationSeconds:0.0} s"),
                new Markup(Colour(ch.Status)));
        }
        return table;
    }

    static Markup Bar(int points, int max, int width = 20)
    {
        var filled = max == 0 ? 0 : (int)Math.Round(width * (double)points / max);
        var colour = points == max && max > 0 ? "green" : points > 0 ? "yellow" : "grey";
        return new Markup($"[{colour}]{new string('█', filled)}[/][grey]{new string('░', width - filled)}[/]");
    }

    static string Colour(ChapterStatus s) => s switch
    {
        ChapterStatus.Passed => "[green]passed[/]",
        ChapterStatus.Failed => "[yellow]in progress[/]",
        ChapterStatus.NotStarted => "[grey]not started[/]",
        _ => $"[red]{Words.Label(s)}[/]",
    };

    public static void Tamper(IAnsiConsole console, TamperReport t)
    {
        if (t.TrustedTests is not null) console.MarkupLine($"[grey]graded with the trusted tests of {Markup.Escape(t.TrustedTests)}[/]");
        if (!t.Tampered) return;
        console.MarkupLine("[yellow]Files that decide the grade differ from grader/tests-manifest.json:[/]");
        foreach (var f in t.Changed) console.MarkupLine($"  [yellow]changed[/] {Markup.Escape(f)}");
        foreach (var f in t.Added) console.MarkupLine($"  [yellow]added[/]   {Markup.Escape(f)}");
        foreach (var f in t.Deleted) console.MarkupLine($"  [yellow]deleted[/] {Markup.Escape(f)}");
    }

    /// <summary>The one thing to do next, in a panel.</summary>
    public static void Next(IAnsiConsole console, IEnumerable<ChapterResult> chapters, Func<string, int, Layout.Hints.Lesson?>? lesson = null,
        string? workingOn = null)
    {
        var (title, body) = Guide.NextStep(chapters, lesson, workingOn);
        console.Write(new Panel(new Markup(body)).Header(title).BorderColor(Color.Blue));
    }
}
