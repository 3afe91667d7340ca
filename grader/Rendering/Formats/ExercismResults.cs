using Katas.Tooling;
using Katas.Grader.Layout;
using System.Text.Json;
using System.Text.Json.Serialization;
using Katas.Grader.Integrity;
using Katas.Grader.Model;

namespace Katas.Grader.Rendering.Formats;

/// <summary>
/// Exercism's test-runner interface, version 3 (exercism/docs, building/tooling/test-runners/interface.md):
/// one results.json per chapter, so that Exercism's website and the tools made for its tracks read the
/// katas' results.
/// <list type="bullet">
/// <item><c>status</c>: <c>error</c> only when no test result exists (the chapter did not build, no
/// test finished before a crash or the time limit, or its results were forged), with the reason in
/// <c>message</c>; <c>fail</c> when some test did not pass (a crash or time-out after some tests
/// ran included); <c>pass</c> otherwise.</item>
/// <item>one entry per counted test (a GPU-only test skipped on this machine is not one), in the order
/// of the test files, with <c>task_id</c> = its README step ([Step]) and <c>test_code</c> = its body
/// (read from the course's test files, <see cref="TestSources"/>); hidden tests have no code.</item>
/// <item><c>output</c> (what the test wrote) at most 500 characters, cut with the interface's note.</item>
/// </list>
/// </summary>
public static class ExercismResults
{
    public const int Version = 3;
    public const int MaxOutput = 500;
    /// <summary>The interface's own words for a cut output.</summary>
    public const string TruncationNote = "\nOutput was truncated. Please limit to 500 chars.";

    sealed record Test(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("message")] string? Message,
        [property: JsonPropertyName("output")] string? Output,
        [property: JsonPropertyName("test_code")] string? TestCode,
        [property: JsonPropertyName("task_id")] int? TaskId);

    sealed record Results(
        [property: JsonPropertyName("version")] int Version,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("message")] string? Message,
        [property: JsonPropertyName("tests")] IReadOnlyList<Test> Tests);

    /// <summary>
    /// Writes FOLDER/CHAPTER/results.json for every chapter; or, when <paramref name="path"/> ends in
    /// .json, that one file for the run's only chapter (what an Exercism runner writes: OUTPUT_DIR/results.json).
    /// </summary>
    public static void Write(GradeResult result, string path, TestSources? sources = null)
    {
        sources ??= TestSources.For(result, null);
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            if (result.Chapters.Count != 1)
                throw new GraderException($"--format exercism={path}: one results.json holds one chapter, and {result.Chapters.Count} were graded: " +
                                          "grade one (--chapter N), or give a folder (one CHAPTER/results.json each).");
            AtomicFile.WriteAllText(path, Serialize(result.Chapters[0], sources) + "\n");
            return;
        }
        foreach (var chapter in result.Chapters)
            AtomicFile.WriteAllText(Path.Combine(path, chapter.Id, "results.json"), Serialize(chapter, sources) + "\n");
    }

    public static string Serialize(ChapterResult chapter, TestSources? sources = null)
    {
        sources ??= TestSources.None;
        var error = FormatRules.NothingGraded(chapter);
        var counted = sources.InFileOrder(chapter, FormatRules.Counted(chapter));
        var status = error ? "error" : counted.All(t => t.Status == TestStatus.Passed) ? "pass" : "fail";
        var tests = counted.Select(t => new Test(
            FormatRules.Name(t),
            chapter.Status == ChapterStatus.Tampered ? "error"
                : t.Status switch { TestStatus.Passed => "pass", TestStatus.Failed or TestStatus.NotImplemented => "fail", _ => "error" },
            t.Status == TestStatus.Passed && chapter.Status != ChapterStatus.Tampered ? null : FormatRules.Explain(chapter, t),
            FormatRules.Cap(t.Output, MaxOutput, TruncationNote),
            sources.Find(chapter, t)?.Code,
            t.Step)).ToList();
        return JsonSerializer.Serialize(new Results(Version, status, error ? Message(chapter) : null, tests), FormatRules.Json);
    }

    /// <summary>The top-level message of an error: the only thing a learner is shown, so the whole reason.</summary>
    static string Message(ChapterResult chapter)
    {
        var lines = new List<string>();
        lines.Add(chapter.Message ?? (chapter.Status == ChapterStatus.Tampered ? "the chapter's results were tampered with: it scores 0"
            : "no test finished: " + Words.Label(chapter.Status)));
        lines.AddRange(chapter.BuildErrors.Take(50).Select(e => e.ToString()));
        if (chapter.BuildErrors.Count > 50) lines.Add($"… and {chapter.BuildErrors.Count - 50} more");
        return string.Join("\n", lines);
    }
}
