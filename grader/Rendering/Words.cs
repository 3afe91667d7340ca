using System.Text.RegularExpressions;
using Katas.Grader.Model;

namespace Katas.Grader.Rendering;

/// <summary>Wording shared by the renderers, so that the console and Markdown say the same thing.</summary>
public static partial class Words
{
    public static string Label(TestStatus s) => s switch
    {
        TestStatus.Passed => "passed",
        TestStatus.Failed => "failed",
        TestStatus.NotImplemented => "not implemented",
        TestStatus.Skipped => "skipped",
        TestStatus.TimedOut => "timed out",
        TestStatus.Crashed => "crashed",
        TestStatus.Tampered => "tampered",
        _ => "not run",
    };

    public static string Label(ChapterStatus s) => s switch
    {
        ChapterStatus.Passed => "passed",
        ChapterStatus.Failed => "in progress",
        ChapterStatus.NotStarted => "not started",
        ChapterStatus.BuildError => "build error",
        ChapterStatus.Crashed => "crashed",
        ChapterStatus.Tampered => "tampered",
        _ => "timed out",
    };

    public static string Percent(int points, int max) => max == 0 ? "–" : $"{100.0 * points / max:0}%";

    /// <summary>The first line of a message, cut to a length that fits a table cell.</summary>
    public static string Brief(string? message, int max = 160)
    {
        if (string.IsNullOrWhiteSpace(message)) return "";
        var line = message.Trim().Split('\n')[0].Trim();
        return line.Length <= max ? line : line[..(max - 1)] + "…";
    }

    /// <summary>
    /// A failure's whole lesson: every line of the message (Shouldly's custom message and its
    /// "Additional Info" included), trimmed, without blank runs, cut only when it is very long.
    /// </summary>
    public static string Full(string? message, int maxLines = 40)
    {
        if (string.IsNullOrWhiteSpace(message)) return "";
        var lines = message.Replace("\r\n", "\n", StringComparison.Ordinal).Trim().Split('\n').Select(l => l.TrimEnd()).ToList();
        var kept = new List<string>();
        foreach (var line in lines)
            if (line.Length > 0 || kept.Count > 0 && kept[^1].Length > 0) kept.Add(line);
        return kept.Count <= maxLines ? string.Join('\n', kept) : string.Join('\n', kept.Take(maxLines - 1)) + "\n…";
    }

    /// <summary>Tests that ran but that the trusted manifest does not list: ignored, and said so.</summary>
    public static string Ignored(ChapterResult chapter) =>
        $"{chapter.IgnoredTests.Count} test(s) not in the trusted test list were ignored (worth nothing): " +
        string.Join(", ", chapter.IgnoredTests.Take(5)) + (chapter.IgnoredTests.Count > 5 ? ", …" : "");

    public static string Sentence(string method) => method.Replace('_', ' ');

    /// <summary>
    /// The test a learner should look at next in a chapter: the lowest README step not passing
    /// (from [Step], else the message's "TODO n"), a real failure before a stub within a step
    /// (it is closest to done). Tests skipped or not counted on this machine are never the next.
    /// </summary>
    public static TestResult? NextToFix(ChapterResult chapter) =>
        chapter.Tests.Where(t => t.Status is not (TestStatus.Passed or TestStatus.Skipped))
            .OrderBy(t => StepOf(t) ?? (t.Status == TestStatus.NotImplemented ? int.MaxValue : 0)) // a step-less failure first
            .ThenBy(t => t.Status == TestStatus.NotImplemented ? 1 : 0)
            .ThenBy(t => TodoOf(t.Message) ?? int.MaxValue)              // numbers, not text: TODO 2 before TODO 10
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>The README step of a test: its [Step], else the "TODO n" or "README step n" its message names.</summary>
    public static int? StepOf(TestResult t) => t.Step ?? TodoOf(t.Message);

    /// <summary>n of the first "TODO n" (a stub's message) or "README step n" in a message.</summary>
    public static int? TodoOf(string? message) =>
        message is not null && TodoNumber().Match(message) is { Success: true } m
            ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"(?:TODO|README step)\s+(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex TodoNumber();

    /// <summary>The GitHub Classroom convention: a line "Points x/y" in the job's log.</summary>
    public static string ClassroomLine(Score score) => $"Points {score.Points}/{score.MaxPoints}";
}
