using Katas.Grader.Model;
using Katas.Tooling;
using System.ComponentModel;
using Katas.Grader.Rendering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Grader.Commands;

/// <summary>`katas report A.json B.json`: two runs (e.g. CPU and GPU) side by side.</summary>
public sealed class ReportCommand(IAnsiConsole console) : Command<ReportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<A.json>")] public string A { get; init; } = "";
        [CommandArgument(1, "<B.json>")] public string B { get; init; } = "";

        [CommandOption("--markdown <FILE>")]
        [Description("Also write the comparison as Markdown (for a GitHub job summary).")]
        public string? Markdown { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var cmp = Comparison.Of(JsonResults.Read(settings.A), JsonResults.Read(settings.B));
        if (settings.Markdown is { } md) AtomicFile.WriteAllText(md, cmp.ToMarkdown());

        var summary = new Table().RoundedBorder().AddColumn("").AddColumn($"A: {Markup.Escape(Comparison.Describe(cmp.A))}")
            .AddColumn($"B: {Markup.Escape(Comparison.Describe(cmp.B))}");
        summary.AddRow("Score", $"{cmp.A.Score.Points} / {cmp.A.Score.MaxPoints}", $"{cmp.B.Score.Points} / {cmp.B.Score.MaxPoints}");
        summary.AddRow("Time", $"{cmp.A.DurationSeconds:0} s", $"{cmp.B.DurationSeconds:0} s");
        summary.AddRow("Machine", Markup.Escape($"{cmp.A.Run.Cpu}, {cmp.A.Run.Cores} cores"), Markup.Escape($"{cmp.B.Run.Cpu}, {cmp.B.Run.Cores} cores"));
        console.Write(summary);

        var chapters = new Table().RoundedBorder().AddColumn("Chapter").AddColumn("A points").AddColumn("B points")
            .AddColumn("A time").AddColumn("B time").AddColumn("B/A time");
        foreach (var row in cmp.Chapters)
            chapters.AddRow(Markup.Escape(row.Id), Comparison.Pts(row.A), Comparison.Pts(row.B), Comparison.Secs(row.A),
                Comparison.Secs(row.B), Comparison.Ratio(row.A, row.B));
        console.Write(chapters);

        if (cmp.Differences.Count == 0) console.MarkupLine("[green]Every test has the same status in both runs.[/]");
        foreach (var d in cmp.Differences)
            console.MarkupLine($"[yellow]{Markup.Escape(d.Chapter)}[/] {Markup.Escape(Words.Sentence(d.A?.Method ?? d.B!.Method))}: " +
                               $"A {Markup.Escape(d.A is null ? "absent" : Words.Label(d.A.Status))}, B {Markup.Escape(d.B is null ? "absent" : Words.Label(d.B.Status))}");
        return 0;
    }
}
