using System.Text.Json;
using System.Text.Json.Serialization;
using Katas.Grader.Integrity;
using Katas.Grader.Model;

namespace Katas.Grader.Rendering.Formats;

/// <summary>
/// Exercism's test-runner interface, version 3: one results.json per chapter, so that tools made for
/// Exercism tracks can read the katas' results.
/// </summary>
public static class ExercismResults
{
    sealed record Test(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("message")] string? Message,
        [property: JsonPropertyName("output")] string? Output,
        [property: JsonPropertyName("test_code")] string TestCode);

    sealed record Results(
        [property: JsonPropertyName("version")] int Version,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("message")] string? Message,
        [property: JsonPropertyName("tests")] IReadOnlyList<Test> Tests);

    static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes DIR/CHAPTER/results.json for every chapter.</summary>
    public static void Write(GradeResult result, string folder)
    {
        foreach (var chapter in result.Chapters)
            AtomicFile.WriteAllText(Path.Combine(folder, chapter.Id, "results.json"), Serialize(chapter) + "\n");
    }

    public static string Serialize(ChapterResult chapter)
    {
        // "error" is for a run that produced no (trustworthy) test results: a build error, a crash,
        // a time-out, results that contradict each other.
        var broken = chapter.Status is ChapterStatus.BuildError or ChapterStatus.Crashed or ChapterStatus.TimedOut or ChapterStatus.Tampered;
        var status = broken ? "error" : chapter.Tests.Where(t => t.Status != TestStatus.Skipped).All(t => t.Status == TestStatus.Passed) ? "pass" : "fail";
        var message = broken
            ? chapter.Message + (chapter.BuildErrors.Count > 0 ? "\n" + string.Join("\n", chapter.BuildErrors.Take(10)) : "")
            : null;
        var tests = chapter.Tests.Where(t => t.Status != TestStatus.Skipped).Select(t => new Test(
            t.Method.Replace('_', ' '),
            t.Status switch { TestStatus.Passed => "pass", TestStatus.Failed or TestStatus.NotImplemented => "fail", _ => "error" },
            t.Status == TestStatus.Passed ? null : t.Message,
            t.Output,
            t.Name)).ToList();
        return JsonSerializer.Serialize(new Results(3, status, message, tests), Json);
    }
}
