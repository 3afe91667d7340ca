using Katas.Grader.Model;

namespace Katas.Grader.Rendering;

/// <summary>Wording shared by the renderers, so that the console and Markdown say the same thing.</summary>
public static class Words
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

    /// <summary>Tests that ran but that the trusted manifest does not list: ignored, and said so.</summary>
    public static string Ignored(ChapterResult chapter) =>
        $"{chapter.IgnoredTests.Count} test(s) not in the trusted test list were ignored (worth nothing): " +
        string.Join(", ", chapter.IgnoredTests.Take(5)) + (chapter.IgnoredTests.Count > 5 ? ", …" : "");

    public static string Sentence(string method) => method.Replace('_', ' ');

    /// <summary>The test a learner should look at next in a chapter: the first one not passing.</summary>
    public static TestResult? NextToFix(ChapterResult chapter) =>
        chapter.Tests.Where(t => t.Status is not (TestStatus.Passed or TestStatus.Skipped))
            .OrderBy(t => t.Status == TestStatus.NotImplemented ? 1 : 0) // a real failure first: it is closest to done
            .ThenBy(t => t.Message, StringComparer.Ordinal)                // TODO 1 before TODO 2
            .FirstOrDefault();

    /// <summary>The GitHub Classroom convention: a line "Points x/y" in the job's log.</summary>
    public static string ClassroomLine(Score score) => $"Points {score.Points}/{score.MaxPoints}";
}
