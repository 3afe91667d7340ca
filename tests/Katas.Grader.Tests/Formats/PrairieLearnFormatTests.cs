using System.Text.Json;
using Katas.Grader.Rendering.Formats;

namespace Katas.Grader.Tests.Formats;

/// <summary>
/// The PrairieLearn format against PrairieLearn's external grading docs, "Grading results":
/// https://prairielearn.readthedocs.io/en/latest/externalGrading/#grading-results
/// (PrairieLearn/PrairieLearn, docs/externalGrading.md).
/// </summary>
public sealed class PrairieLearnFormatTests : IDisposable
{
    readonly string _course = FormatFixtures.WriteCourse();

    public void Dispose() => Directory.Delete(_course, recursive: true);

    string Render(string name) => PrairieLearnResults.Serialize(FormatFixtures.Cases[name], TestSources.At(_course));

    static readonly string[] TopKeys = ["gradable", "score", "message", "output", "format_errors", "tests", "images"];
    static readonly string[] TestKeys = ["name", "description", "points", "max_points", "message", "output"];

    [Theory]
    [MemberData(nameof(FormatFixtures.CaseNames), MemberType = typeof(FormatFixtures))]
    public void Every_case_matches_its_golden_file(string name) => Golden.Check("prairielearn", name + ".json", Render(name) + "\n");

    [Theory]
    [MemberData(nameof(FormatFixtures.CaseNames), MemberType = typeof(FormatFixtures))]
    public void Every_field_has_the_docs_name_type_and_range(string name)
    {
        var text = Render(name);
        // "this file should be limited to 1 MB"
        System.Text.Encoding.UTF8.GetByteCount(text).ShouldBeLessThan(1 << 20);
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        root.EnumerateObject().Select(p => p.Name).ShouldBeSubsetOf(TopKeys);
        // "The boolean gradable"
        root.GetProperty("gradable").ValueKind.ShouldBeOneOf(JsonValueKind.True, JsonValueKind.False);
        // "score ... a floating point number in the range [0.0, 1.0]"
        root.GetProperty("score").GetDouble().ShouldBeInRange(0.0, 1.0);
        root.GetProperty("message").GetString().ShouldNotBeNullOrWhiteSpace();
        root.GetProperty("output").ValueKind.ShouldBe(JsonValueKind.String);
        // "images": objects with url and label; none here.
        root.GetProperty("images").GetArrayLength().ShouldBe(0);
        // "format_errors ... either a string or an array of strings", only when not gradable.
        root.TryGetProperty("format_errors", out var errors).ShouldBe(root.GetProperty("gradable").ValueKind == JsonValueKind.False);
        if (errors.ValueKind == JsonValueKind.Array) errors.EnumerateArray().ShouldAllBe(e => e.ValueKind == JsonValueKind.String);
        foreach (var test in root.GetProperty("tests").EnumerateArray())
        {
            test.EnumerateObject().Select(p => p.Name).ShouldBe(TestKeys);
            test.GetProperty("name").GetString().ShouldNotBeNullOrWhiteSpace();
            test.GetProperty("description").ValueKind.ShouldBe(JsonValueKind.String);
            test.GetProperty("points").GetDouble().ShouldBeInRange(0, test.GetProperty("max_points").GetDouble());
            test.GetProperty("message").ValueKind.ShouldBe(JsonValueKind.String);
            test.GetProperty("output").ValueKind.ShouldBe(JsonValueKind.String);
        }
    }

    [Theory]
    [InlineData("all-passed", true, 1.0)]
    [InlineData("gpu-skipped", true, 1.0)]
    [InlineData("some-failed", true, 0.4286)]      // 3 of 7 counted points
    [InlineData("not-started", true, 0.0)]
    [InlineData("timed-out-after-some", true, 0.4286)]
    [InlineData("crashed-before-any", true, 0.0)] // the learner's code crashed it: graded, 0
    [InlineData("tampered", true, 0.0)]           // graded, 0: tampering must not buy a free attempt
    [InlineData("hidden-masked", true, 0.8182)]
    [InlineData("build-error", false, 0.0)]       // "if it has a syntax error that prevented compilation"
    [InlineData("two-chapters", true, 1.0)]       // one chapter builds: gradable (the broken one's maximum is 0 without a manifest)
    public void Only_a_submission_that_does_not_compile_is_not_gradable(string name, bool gradable, double score)
    {
        using var json = JsonDocument.Parse(Render(name));
        json.RootElement.GetProperty("gradable").GetBoolean().ShouldBe(gradable);
        json.RootElement.GetProperty("score").GetDouble().ShouldBe(score, 0.0001);
    }

    [Fact]
    public void Not_gradable_lists_the_compilers_errors_as_format_errors()
    {
        using var json = JsonDocument.Parse(Render("build-error"));
        json.RootElement.GetProperty("format_errors").EnumerateArray().Select(e => e.GetString()).ShouldBe(
        [
            "exercises/01-Adder/Adder.cs(12,9): CS0029: Cannot implicitly convert type 'string' to 'int'",
            "exercises/01-Adder/Adder.cs(20,5): CS1002: ; expected",
        ]);
    }

    [Fact]
    public void Tests_carry_their_chapter_and_step_and_hidden_ones_are_masked()
    {
        using var json = JsonDocument.Parse(Render("all-passed"));
        var first = json.RootElement.GetProperty("tests")[0];
        first.GetProperty("name").GetString().ShouldBe("Zero plus zero is zero");
        first.GetProperty("description").GetString().ShouldBe("1. Adder, README step 1");
        Render("hidden-masked").ShouldNotContain("SECRET");
        Render("hidden-shown").ShouldContain("SECRET");
    }
}
