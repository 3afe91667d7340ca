using Katas.Grader.Rendering;
using Spectre.Console;
using Spectre.Console.Testing;

namespace Katas.Grader.Tests.Formats;

/// <summary>
/// The reports people read, kept as golden files like the platform formats: the Markdown summary (a
/// job summary, a pull-request comment) and the console report, for every fixture case.
/// </summary>
public sealed class ReportGoldenTests
{
    [Theory]
    [MemberData(nameof(FormatFixtures.CaseNames), MemberType = typeof(FormatFixtures))]
    public void The_markdown_summary_matches_its_golden_file(string name) =>
        Golden.Check("markdown", name + ".md", Stable(MarkdownReport.Render(FormatFixtures.Cases[name])));

    [Theory]
    [MemberData(nameof(FormatFixtures.CaseNames), MemberType = typeof(FormatFixtures))]
    public void The_console_report_matches_its_golden_file(string name)
    {
        var console = new TestConsole().Width(120);
        console.Profile.Capabilities.Ansi = false;
        console.Profile.Capabilities.Unicode = true;
        ConsoleReport.Render(console, FormatFixtures.Cases[name], showNext: true);
        Golden.Check("console", name + ".txt", Stable(console.Output));
    }

    // Durations are part of the fixtures, but a run's wall time in the header would differ by machine: none here.
    static string Stable(string text) => string.Join("\n", text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())).TrimEnd() + "\n";
}
