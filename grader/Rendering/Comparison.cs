using System.Text;
using Katas.Grader.Model;

namespace Katas.Grader.Rendering;

/// <summary>Two runs side by side (typically a CPU run and a GPU run of the same code).</summary>
public sealed record Comparison(GradeResult A, GradeResult B, IReadOnlyList<Comparison.ChapterRow> Chapters,
    IReadOnlyList<Comparison.TestDifference> Differences)
{
    public sealed record ChapterRow(string Id, string Title, ChapterResult? A, ChapterResult? B);
    public sealed record TestDifference(string Chapter, string Test, TestResult? A, TestResult? B);

    public static Comparison Of(GradeResult a, GradeResult b)
    {
        var ids = a.Chapters.Select(c => c.Id).Union(b.Chapters.Select(c => c.Id)).Order(StringComparer.Ordinal).ToList();
        var rows = ids.Select(id =>
        {
            var ca = a.Chapters.FirstOrDefault(c => c.Id == id);
            var cb = b.Chapters.FirstOrDefault(c => c.Id == id);
            return new ChapterRow(id, (ca ?? cb)!.Title, ca, cb);
        }).ToList();
        var diffs = new List<TestDifference>();
        foreach (var row in rows)
        {
            var ta = row.A?.Tests.ToDictionary(t => t.Name) ?? [];
            var tb = row.B?.Tests.ToDictionary(t => t.Name) ?? [];
            foreach (var name in ta.Keys.Union(tb.Keys).Order(StringComparer.Ordinal))
            {
                ta.TryGetValue(name, out var x);
                tb.TryGetValue(name, out var y);
                if (x?.Status != y?.Status) diffs.Add(new TestDifference(row.Id, name, x, y));
            }
        }
        return new Comparison(a, b, rows, diffs);
    }

    public static string Describe(GradeResult r) =>
        $"{r.Run.Device}{(r.Run.Gpu is { } g && r.Run.Device == "cuda" ? $" ({g})" : "")}, {r.Run.Track}";

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine("## TorchSharp Katas — two runs side by side").AppendLine();
        md.AppendLine($"| | A: {Describe(A)} | B: {Describe(B)} |");
        md.AppendLine("|---|---|---|");
        md.AppendLine($"| Score | {A.Score.Points} / {A.Score.MaxPoints} | {B.Score.Points} / {B.Score.MaxPoints} |");
        md.AppendLine($"| Time | {A.DurationSeconds:0} s | {B.DurationSeconds:0} s |");
        md.AppendLine($"| Machine | {A.Run.Cpu}, {A.Run.Cores} cores | {B.Run.Cpu}, {B.Run.Cores} cores |");
        md.AppendLine().AppendLine("| Chapter | A points | B points | A time | B time | B/A time |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var row in Chapters)
            md.AppendLine($"| {MarkdownReport.Escape(row.Id)} | {Pts(row.A)} | {Pts(row.B)} | {Secs(row.A)} | {Secs(row.B)} | {Ratio(row.A, row.B)} |");
        md.AppendLine();
        if (Differences.Count == 0) md.AppendLine("Every test has the same status in both runs.");
        else
        {
            md.AppendLine("| Test | A | B |").AppendLine("|---|---|---|");
            foreach (var d in Differences)
                md.AppendLine($"| {MarkdownReport.Escape(d.Chapter)}: {MarkdownReport.Escape(Words.Sentence(d.A?.Method ?? d.B!.Method))} | " +
                              $"{Cell(d.A)} | {Cell(d.B)} |");
        }
        return md.ToString();
    }

    static string Cell(TestResult? t) => t is null ? "absent" : t.Status is TestStatus.Passed ? "passed"
        : $"{Words.Label(t.Status)}: {MarkdownReport.Escape(Words.Brief(t.Message, 120))}";

    internal static string Pts(ChapterResult? c) => c is null ? "–" : $"{c.Points} / {c.MaxPoints}";
    internal static string Secs(ChapterResult? c) => c is null ? "–" : $"{c.DurationSeconds:0.0} s";
    internal static string Ratio(ChapterResult? a, ChapterResult? b) =>
        a is null || b is null || a.DurationSeconds <= 0 ? "–" : $"{b.DurationSeconds / a.DurationSeconds:0.00}";
}
