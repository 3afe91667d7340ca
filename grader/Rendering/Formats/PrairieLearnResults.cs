using Katas.Tooling;
using System.Text.Json;
using System.Text.Json.Serialization;
using Katas.Grader.Integrity;
using Katas.Grader.Model;

namespace Katas.Grader.Rendering.Formats;

/// <summary>
/// PrairieLearn's external-grader results (PrairieLearn/PrairieLearn, docs/externalGrading.md,
/// "Grading results"): written to /grade/results/results.json, shown by &lt;pl-external-grader-results&gt;.
/// <list type="bullet">
/// <item><c>gradable: false</c> only when nothing of the submission could be graded because it does
/// not compile (every chapter a build error): PrairieLearn then neither scores nor counts the attempt,
/// and <c>format_errors</c> lists the compiler's errors. A crash, a time-out or tampering is graded
/// (0 for what did not pass): a submission must not escape its score by breaking the run.</item>
/// <item><c>score</c> in [0, 1]: points / maximum (0 when the maximum is 0);</item>
/// <item>one test per counted test (a GPU-only test skipped on this machine is not counted), its
/// chapter and step in <c>description</c>; <c>images</c> is empty (the chapters' pictures stay in out/).</item>
/// </list>
/// The file must stay under 1 MB: messages and outputs are cut.
/// </summary>
public static class PrairieLearnResults
{
    public const string PlatformPath = "/grade/results/results.json";
    public const int MaxOutput = 4_000;
    const string Cut = "\n… (cut)";

    sealed record Test(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("description")] string? Description,
        [property: JsonPropertyName("points")] double Points,
        [property: JsonPropertyName("max_points")] double MaxPoints,
        [property: JsonPropertyName("message")] string Message,
        [property: JsonPropertyName("output")] string Output);

    sealed record Results(
        [property: JsonPropertyName("gradable")] bool Gradable,
        [property: JsonPropertyName("score")] double Score,
        [property: JsonPropertyName("message")] string Message,
        [property: JsonPropertyName("output")] string Output,
        [property: JsonPropertyName("format_errors")] IReadOnlyList<string>? FormatErrors,
        [property: JsonPropertyName("tests")] IReadOnlyList<Test> Tests,
        [property: JsonPropertyName("images")] IReadOnlyList<object> Images);

    public static void Write(GradeResult result, string path, TestSources sources) =>
        AtomicFile.WriteAllText(path, Serialize(result, sources) + "\n");

    /// <summary>Gradable unless every chapter failed to build (there is then nothing to grade).</summary>
    public static bool Gradable(GradeResult result) =>
        result.Chapters.Count > 0 && !result.Chapters.All(c => c.Status == ChapterStatus.BuildError);

    public static string Serialize(GradeResult result, TestSources sources)
    {
        var gradable = Gradable(result);
        var tests = new List<Test>();
        foreach (var chapter in result.Chapters)
            foreach (var t in sources.InFileOrder(chapter, FormatRules.Counted(chapter)))
            {
                var passed = t.Status == TestStatus.Passed && chapter.Status != ChapterStatus.Tampered;
                tests.Add(new Test(
                    FormatRules.Name(t),
                    $"{chapter.Number}. {chapter.Title}{(t.Step is { } s ? $", README step {s}" : "")}",
                    FormatRules.Points(chapter, t), t.MaxPoints,
                    FormatRules.Cap(passed ? "passed" : FormatRules.Explain(chapter, t), MaxOutput, Cut)!,
                    FormatRules.Cap(t.Output ?? "", MaxOutput, Cut)!));
            }
        var points = FormatRules.Points(result);
        var max = FormatRules.MaxPoints(result);
        var message = !gradable ? "The submission does not compile: nothing could be graded (this attempt is not counted)."
            : $"{points}/{max} points" + (result.Tamper.Tampered || result.Chapters.Any(c => c.Status == ChapterStatus.Tampered)
                ? " (tampering found: see the output)" : "") + ".";
        var formatErrors = gradable ? null
            : result.Chapters.SelectMany(c => c.BuildErrors.Count > 0 ? c.BuildErrors.Select(e => e.ToString()) : [$"{c.Id}: {c.Message}"]).Take(100).ToList();
        var results = new Results(gradable, gradable ? FormatRules.Fraction(points, max) : 0, message,
            FormatRules.RunSummary(result), formatErrors, tests, []);
        return JsonSerializer.Serialize(results, FormatRules.Json);
    }
}
