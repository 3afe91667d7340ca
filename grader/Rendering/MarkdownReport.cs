using System.Text;
using Katas.Grader.Model;

namespace Katas.Grader.Rendering;

/// <summary>A Markdown summary: fit for a GitHub job summary and a pull-request comment.</summary>
public static class MarkdownReport
{
    public static string Render(GradeResult r)
    {
        var md = new StringBuilder();
        md.AppendLine($"## TorchSharp Katas — {r.Score.Points} / {r.Score.MaxPoints} points ({Words.Percent(r.Score.Points, r.Score.MaxPoints)})");
        md.AppendLine();
        md.AppendLine($"`{r.Run.Track}` track · device `{r.Run.Device}`{(r.Run.Gpu is { } g ? $" ({g})" : "")} · backend `{r.Run.Backend}` · " +
                      $"{r.Run.Cores} cores · {(r.Run.Sandboxed ? "sandboxed" : "**not sandboxed**")} · {r.DurationSeconds:0} s{(r.Run.Commit is { } c ? $" · commit `{c}`" : "")}");
        md.AppendLine();
        AppendTamper(md, r.Tamper);
        md.AppendLine("| Chapter | Points | Passed | Failed | Not implemented | Skipped | Time | Status |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var ch in r.Chapters)
            md.AppendLine($"| {ch.Number}. {Escape(ch.Title)} | {ch.Points} / {ch.MaxPoints} | {ch.Count(TestStatus.Passed)} | " +
                          $"{ch.Count(TestStatus.Failed) + ch.Count(TestStatus.TimedOut) + ch.Count(TestStatus.Crashed) + ch.Count(TestStatus.Tampered)} | " +
                          $"{ch.Count(TestStatus.NotImplemented)} | {ch.Count(TestStatus.Skipped)} | {ch.DurationSeconds:0} s | {Icon(ch.Status)} {Words.Label(ch.Status)} |");
        md.AppendLine();

        foreach (var ch in r.Chapters.Where(c => c.Status is not (ChapterStatus.Passed or ChapterStatus.NotStarted) || c.IgnoredTests.Count > 0))
        {
            md.AppendLine($"<details><summary>{ch.Number}. {Escape(ch.Title)}: {Words.Label(ch.Status)}</summary>");
            md.AppendLine();
            if (ch.Message is { } m) md.AppendLine($"{Escape(m)}").AppendLine();
            foreach (var e in ch.BuildErrors.Take(10)) md.AppendLine($"- `{e}`");
            if (ch.IgnoredTests.Count > 0) md.AppendLine($"- {Escape(Words.Ignored(ch))}");
            foreach (var t in ch.Tests.Where(t => t.Status is TestStatus.Failed or TestStatus.TimedOut or TestStatus.Crashed or TestStatus.Tampered))
                md.AppendLine($"- **{Escape(Words.Sentence(t.Method))}** ({Words.Label(t.Status)}): {Escape(Words.Brief(t.Message, 300))}");
            md.AppendLine().AppendLine("</details>").AppendLine();
        }
        var skipped = r.Chapters.SelectMany(c => c.Tests).Where(t => t.Status == TestStatus.Skipped).ToList();
        if (skipped.Count > 0)
            md.AppendLine($"{skipped.Count} test(s) skipped ({skipped.Sum(t => t.MaxPoints)} points not counted): {Escape(Words.Brief(skipped[0].Message, 200))}").AppendLine();
        md.AppendLine(Words.ClassroomLine(r.Score));
        return md.ToString();
    }

    internal static void AppendTamper(StringBuilder md, TamperReport t)
    {
        if (t.TrustedTests is not null)
            md.AppendLine("Graded with the trusted tests of the base repository; the submission's own test files were not used.").AppendLine();
        if (!t.ManifestFound) md.AppendLine("> ℹ️ No test manifest (grader/tests-manifest.json): changes to the tests cannot be detected.").AppendLine();
        if (!t.Tampered) return;
        md.AppendLine("> ⚠️ **Files that decide the grade differ from the manifest:**");
        foreach (var f in t.Changed) md.AppendLine($"> - changed: `{f}`");
        foreach (var f in t.Added) md.AppendLine($"> - added: `{f}`");
        foreach (var f in t.Deleted) md.AppendLine($"> - deleted: `{f}`");
        md.AppendLine();
    }

    static string Icon(ChapterStatus s) => s switch
    {
        ChapterStatus.Passed => "✅",
        ChapterStatus.Failed => "🟡",
        ChapterStatus.NotStarted => "⬜",
        _ => "❌",
    };

    internal static string Escape(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
