using System.Globalization;
using System.Text;
using Spectre.Console;

namespace Katas.Bench.Reporting;

/// <summary>The report as a console table and as Markdown (for docs/performance.md).</summary>
public static class Tables
{
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static Table Console(BenchReport report)
    {
        var hasPython = report.Python is not null;
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]katas-bench[/] ({Markup.Escape(Where(report))})");
        table.AddColumn("workload", c => c.NoWrap());
        table.AddColumn("ch.", c => c.Centered());
        table.AddColumn("C# median", c => c.RightAligned());
        table.AddColumn("spread", c => c.RightAligned());
        table.AddColumn("rate", c => c.RightAligned());
        if (hasPython)
        {
            table.AddColumn("Python median", c => c.RightAligned());
            table.AddColumn("C#/Python", c => c.RightAligned());
        }
        foreach (var w in report.Workloads)
        {
            var row = w.CSharp is { } cs
                ? new List<string> { Markup.Escape(w.Name), w.Chapter, Seconds(cs.Median), Percent(cs.Spread), Markup.Escape(Rate(w)) }
                : [Markup.Escape(w.Name), w.Chapter, w.Refused is null ? "[red]failed[/]" : "[grey]refused[/]", "-", "-"];
            if (hasPython)
            {
                row.Add(w.Python is null ? "-" : Seconds(w.Python.Median));
                row.Add(w.Ratio is { } r ? (r <= 1.0 ? $"[green]{Ratio(r)}[/]" : $"[yellow]{Ratio(r)}[/]") : "-");
            }
            table.AddRow(row.ToArray());
        }
        var notes = Notes(report).Select(n => $"{n.Name}: {n.Note}").ToList();
        if (notes.Count > 0) table.Caption(Markup.Escape(string.Join("\n", notes)));
        return table;
    }

    /// <summary>One line per workload with a missing number: which, and why.</summary>
    public static IReadOnlyList<(string Name, string Note)> Notes(BenchReport report) =>
        report.Workloads.Where(w => w.Note is not null).Select(w => (w.Name, w.Note!)).ToList();

    public static string Markdown(BenchReport report)
    {
        var hasPython = report.Python is not null;
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"Measured {report.Date:yyyy-MM-dd} on {Where(report)}.");
        if (report.Python is { } p) text.AppendLine(Invariant, $"Python peers: Python {p.Version}, PyTorch {p.Torch}.");
        text.AppendLine();
        text.Append("| workload | chapter | C# median | spread | rate |");
        text.AppendLine(hasPython ? " Python median | spread | C# / Python |" : "");
        text.Append("|---|---:|---:|---:|---:|");
        text.AppendLine(hasPython ? "---:|---:|---:|" : "");
        foreach (var w in report.Workloads)
        {
            if (w.CSharp is { } cs)
                text.Append(Invariant, $"| {w.Title} (`{w.Name}`) | {w.Chapter} | {Seconds(cs.Median)} | {Percent(cs.Spread)} | {Rate(w)} |");
            else
                text.Append(Invariant, $"| {w.Title} (`{w.Name}`) | {w.Chapter} | {(w.Refused is null ? "failed" : "refused")} | - | - |");
            if (hasPython)
                text.Append(w.Python is null ? " - | - | - |" : $" {Seconds(w.Python.Median)} | {Percent(w.Python.Spread)} | {(w.Ratio is { } r ? Ratio(r) : "-")} |");
            text.AppendLine();
        }
        var notes = Notes(report);
        if (notes.Count > 0)
        {
            text.AppendLine();
            foreach (var (name, note) in notes) text.AppendLine(Invariant, $"- `{name}`: {note}");
        }
        if (report.Suite is { } suite)
        {
            text.AppendLine();
            text.AppendLine("| test suite (solutions track) | wall time |");
            text.AppendLine("|---|---:|");
            text.AppendLine(Invariant, $"| `{suite.ReadmeCommand.Command}` (every test project){Failed(suite.ReadmeCommand)} | {Seconds(suite.ReadmeCommand.Seconds)} |");
            foreach (var c in suite.Chapters)
                text.AppendLine(Invariant, $"| `{c.Command}`{Failed(c)} | {Seconds(c.Seconds)} |");
            text.AppendLine(Invariant, $"| the chapters one by one, `dotnet test` | {Seconds(suite.ChaptersSeconds)} |");
            text.AppendLine(Invariant, $"| the chapters through `katas grade --track solutions`{Failed(suite.Grader)} | {Seconds(suite.Grader.Seconds)} |");
            text.AppendLine(Invariant, $"| grader overhead (grade - dotnet test) | {Seconds(suite.GraderOverheadSeconds)} |");
        }
        return text.ToString();
    }

    static string Where(BenchReport r) =>
        string.Create(Invariant, $"{r.Machine.Cpu}, {r.Machine.Cores} cores, {r.Machine.Device}, {r.Machine.Threads} libtorch threads, TorchSharp {r.Machine.TorchSharp}, {r.Machine.DotNet}, load {r.Machine.LoadAverageBefore?.ToString("0.0", Invariant) ?? "?"}");

    static string Failed(Suite.TimedCommand c) => c.ExitCode == 0 ? "" : $" (exit code {c.ExitCode})";

    static string Seconds(double s) => Math.Abs(s) switch
    {
        >= 10 => s.ToString("0.0 s", Invariant),
        >= 0.1 => s.ToString("0.00 s", Invariant),
        _ => (s * 1000).ToString("0.0 ms", Invariant),
    };

    static string Percent(double p) => (p * 100).ToString("0", Invariant) + " %";

    static string Ratio(double r) => r.ToString("0.00", Invariant);

    static string Rate(WorkloadResult w) => w.Rate is { } rate ? rate.ToString("N0", Invariant) + $" {w.Items}/s" : "";
}
