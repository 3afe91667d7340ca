using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Katas.Grader.Model;

namespace Katas.Grader.Rendering.Formats;

/// <summary>
/// What every platform format decides the same way, so that Exercism, Gradescope, PrairieLearn and
/// Classroom never disagree on what happened to a chapter.
/// </summary>
internal static class FormatRules
{
    /// <summary>Indented, nulls left out, text as written (no \u escapes for quotes and accents).</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The tests that count on this machine: a skipped one (GPU-only without CUDA) is not graded anywhere.</summary>
    public static IEnumerable<TestResult> Counted(ChapterResult chapter) => chapter.Tests.Where(t => t.Status != TestStatus.Skipped);

    /// <summary>A test that ran to its end and said something of the learner's code.</summary>
    public static bool Finished(TestResult t) => t.Status is TestStatus.Passed or TestStatus.Failed or TestStatus.NotImplemented;

    /// <summary>
    /// "error" in the platforms' words: no test result to show. The chapter did not build, no test
    /// finished before it crashed or ran out of time, or its results were forged (a tampered
    /// chapter's results say nothing true of the learner's code).
    /// </summary>
    public static bool NothingGraded(ChapterResult chapter) =>
        chapter.Status is ChapterStatus.BuildError or ChapterStatus.Tampered || !Counted(chapter).Any(Finished);

    /// <summary>Points that count: a tampered chapter earns none, whatever its tests say.</summary>
    public static int Points(ChapterResult chapter) => chapter.Status == ChapterStatus.Tampered ? 0 : chapter.Points;

    public static int Points(ChapterResult chapter, TestResult test) => chapter.Status == ChapterStatus.Tampered ? 0 : test.Points;

    /// <summary>The whole run's points: the sum of the chapters' (tampered ones 0).</summary>
    public static int Points(GradeResult result) => result.Chapters.Sum(Points);

    public static int MaxPoints(GradeResult result) => result.Chapters.Sum(c => c.MaxPoints);

    /// <summary>What a test that did not pass says: its status, its message, where it failed.</summary>
    public static string Explain(ChapterResult chapter, TestResult t)
    {
        var text = new StringBuilder();
        if (chapter.Status == ChapterStatus.Tampered && t.Status != TestStatus.Tampered)
            text.Append("Scores 0: the chapter's results were tampered with (the chapter's message says how). ");
        if (t.Status == TestStatus.Passed) return text.ToString().TrimEnd();
        text.Append(Words.Label(t.Status));
        if (Words.Full(t.Message) is { Length: > 0 } message) text.Append(": ").Append(message);
        if (t.Location is { Length: > 0 } at) text.Append('\n').Append(at);
        return text.ToString();
    }

    /// <summary>The chapter in a sentence or a few lines: what went wrong for it as a whole.</summary>
    public static string ChapterSummary(ChapterResult c, int maxBuildErrors = 20)
    {
        var text = new StringBuilder($"{c.Number}. {c.Title}: {Words.Label(c.Status)}, {Points(c)}/{c.MaxPoints} points");
        if (c.Status == ChapterStatus.Tampered) text.Append(" (tampered: the chapter scores 0)");
        if (c.Message is { Length: > 0 } m) text.Append("\n  ").Append(m.Replace("\n", "\n  ", StringComparison.Ordinal));
        foreach (var e in c.BuildErrors.Take(maxBuildErrors)) text.Append("\n  ").Append(e);
        if (c.BuildErrors.Count > maxBuildErrors) text.Append($"\n  … and {c.BuildErrors.Count - maxBuildErrors} more build errors");
        if (c.IgnoredTests.Count > 0) text.Append("\n  ").Append(Words.Ignored(c));
        return text.ToString();
    }

    /// <summary>
    /// The run in a few lines, for a platform's submission-wide text: the score, the tamper report
    /// (files that differ from the manifest), each chapter, and the tests not counted on this machine.
    /// </summary>
    public static string RunSummary(GradeResult r)
    {
        var text = new StringBuilder($"TorchSharp Katas: {Points(r)}/{MaxPoints(r)} points");
        if (r.Tamper.TrustedTests is not null) text.Append("\nGraded with the trusted tests; the submission's own test files were not used.");
        if (r.Tamper.Tampered)
        {
            text.Append("\nFiles that decide the grade differ from the test manifest:");
            foreach (var f in r.Tamper.Changed) text.Append("\n  changed: ").Append(f);
            foreach (var f in r.Tamper.Added) text.Append("\n  added: ").Append(f);
            foreach (var f in r.Tamper.Deleted) text.Append("\n  deleted: ").Append(f);
        }
        foreach (var c in r.Chapters) text.Append('\n').Append(ChapterSummary(c));
        var skipped = r.Chapters.SelectMany(c => c.Tests).Where(t => t.Status == TestStatus.Skipped).ToList();
        if (skipped.Count > 0)
            text.Append($"\n{skipped.Count} test(s) not counted on this machine ({skipped.Sum(t => t.MaxPoints)} points): {Words.Brief(skipped[0].Message, 200)}");
        return text.ToString();
    }

    /// <summary>Cuts text at <paramref name="max"/> characters, the cut said in <paramref name="note"/> (the result is at most max long).</summary>
    public static string? Cap(string? text, int max, string note)
    {
        if (text is null || text.Length <= max) return text;
        var keep = Math.Max(0, max - note.Length);
        // Not between the two halves of a surrogate pair.
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1])) keep--;
        return text[..keep] + note;
    }

    /// <summary>A test's human name: its method's words ("Forward returns raw scores").</summary>
    public static string Name(TestResult t) => Words.Sentence(t.Method);

    /// <summary>Formats a score in [0, 1] steadily (four decimals at most).</summary>
    public static double Fraction(int points, int max) => max <= 0 ? 0 : Math.Round((double)points / max, 4);
}
