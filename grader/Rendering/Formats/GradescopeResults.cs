using Katas.Tooling;
using System.Text.Json;
using System.Text.Json.Serialization;
using Katas.Grader.Integrity;
using Katas.Grader.Model;

namespace Katas.Grader.Rendering.Formats;

/// <summary>
/// Gradescope's autograder results.json (gradescope-autograders.readthedocs.io/en/latest/specs/,
/// "Output format"): written by run_autograder to /autograder/results/results.json.
/// <list type="bullet">
/// <item>one test per counted test (a GPU-only test skipped on this machine is not counted: it is
/// neither in a score nor in a maximum), numbered CHAPTER.STEP (CHAPTER.INDEX without a [Step]),
/// tagged with its chapter and step;</item>
/// <item><c>score</c> = the sum of the tests' scores, which a tampered chapter's tests all make 0;</item>
/// <item>an instructor's hidden test is shown <c>after_due_date</c> (and masked unless --show-hidden);</item>
/// <item>the grader's own stdout is for the instructor (<c>stdout_visibility: hidden</c>): the
/// submission-wide <c>output</c> says what a student needs (score, build errors, tampering).</item>
/// </list>
/// </summary>
public static class GradescopeResults
{
    /// <summary>Where Gradescope reads it.</summary>
    public const string PlatformPath = "/autograder/results/results.json";
    /// <summary>A test's output is cut here (Gradescope shows it in a &lt;pre&gt;; a runaway log is of no use there).</summary>
    public const int MaxOutput = 10_000;
    const string Cut = "\n… (cut)";

    public static readonly IReadOnlyList<string> Visibilities = ["hidden", "after_due_date", "after_published", "visible"];
    public static readonly IReadOnlyList<string> Statuses = ["passed", "failed"];

    sealed record Test(
        [property: JsonPropertyName("score")] double Score,
        [property: JsonPropertyName("max_score")] double MaxScore,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("number")] string Number,
        [property: JsonPropertyName("output")] string Output,
        [property: JsonPropertyName("tags")] IReadOnlyList<string> Tags,
        [property: JsonPropertyName("visibility")] string Visibility,
        [property: JsonPropertyName("status")] string Status);

    sealed record Results(
        [property: JsonPropertyName("score")] double Score,
        [property: JsonPropertyName("execution_time")] int ExecutionTime,
        [property: JsonPropertyName("output")] string Output,
        [property: JsonPropertyName("visibility")] string Visibility,
        [property: JsonPropertyName("stdout_visibility")] string StdoutVisibility,
        [property: JsonPropertyName("tests")] IReadOnlyList<Test> Tests);

    public static void Write(GradeResult result, string path, TestSources sources) =>
        AtomicFile.WriteAllText(path, Serialize(result, sources) + "\n");

    public static string Serialize(GradeResult result, TestSources sources)
    {
        var tests = new List<Test>();
        foreach (var chapter in result.Chapters)
        {
            var index = 0;
            foreach (var t in sources.InFileOrder(chapter, FormatRules.Counted(chapter)))
            {
                index++;
                var passed = t.Status == TestStatus.Passed && chapter.Status != ChapterStatus.Tampered;
                var output = passed ? "passed" : FormatRules.Explain(chapter, t);
                if (t.Output is { Length: > 0 } written) output += "\n\nOutput:\n" + written;
                var tags = new List<string> { chapter.Id };
                if (t.Step is { } step) tags.Add($"step-{step}");
                if (t.Hidden) tags.Add("hidden");
                tests.Add(new Test(
                    FormatRules.Points(chapter, t), t.MaxPoints, FormatRules.Name(t),
                    $"{chapter.Number}.{t.Step ?? index}",
                    FormatRules.Cap(output, MaxOutput, Cut)!,
                    tags,
                    t.Hidden ? "after_due_date" : "visible",
                    passed ? "passed" : "failed"));
            }
        }
        var results = new Results(
            tests.Sum(t => t.Score), (int)Math.Round(result.DurationSeconds), FormatRules.RunSummary(result),
            "visible", "hidden", tests);
        return JsonSerializer.Serialize(results, FormatRules.Json);
    }
}
