using System.Text.Json;
using Katas.Grader.Rendering.Formats;

namespace Katas.Grader.Tests.Formats;

/// <summary>
/// The Gradescope format against Gradescope's autograder specifications, "Output format":
/// https://gradescope-autograders.readthedocs.io/en/latest/specs/ (gradescope/autograder_samples, docs/specs.md).
/// </summary>
public sealed class GradescopeFormatTests : IDisposable
{
    readonly string _course = FormatFixtures.WriteCourse();

    public void Dispose() => Directory.Delete(_course, recursive: true);

    string Render(string name) => GradescopeResults.Serialize(FormatFixtures.Cases[name], TestSources.At(_course));

    // "Options for the visibility field are as follows: hidden, after_due_date, after_published, visible"
    static readonly string[] Visibility = ["hidden", "after_due_date", "after_published", "visible"];
    static readonly string[] TopKeys = ["score", "execution_time", "output", "visibility", "stdout_visibility", "tests"];
    static readonly string[] TestKeys = ["score", "max_score", "name", "number", "output", "tags", "visibility", "status"];

    [Theory]
    [MemberData(nameof(FormatFixtures.CaseNames), MemberType = typeof(FormatFixtures))]
    public void Every_case_matches_its_golden_file(string name) => Golden.Check("gradescope", name + ".json", Render(name) + "\n");

    [Theory]
    [MemberData(nameof(FormatFixtures.CaseNames), MemberType = typeof(FormatFixtures))]
    public void Every_field_has_the_specs_name_type_and_values(string name)
    {
        using var json = JsonDocument.Parse(Render(name));
        var root = json.RootElement;
        root.EnumerateObject().Select(p => p.Name).ShouldBe(TopKeys);
        root.GetProperty("score").ValueKind.ShouldBe(JsonValueKind.Number);
        root.GetProperty("score").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
        // "execution_time: optional, seconds"
        root.GetProperty("execution_time").TryGetInt32(out var seconds).ShouldBeTrue();
        seconds.ShouldBe(42);
        root.GetProperty("output").GetString().ShouldNotBeNullOrWhiteSpace();
        root.GetProperty("visibility").GetString().ShouldBeOneOf(Visibility);
        root.GetProperty("stdout_visibility").GetString().ShouldBeOneOf(Visibility);
        var total = 0.0;
        foreach (var test in root.GetProperty("tests").EnumerateArray())
        {
            test.EnumerateObject().Select(p => p.Name).ShouldBe(TestKeys);
            var score = test.GetProperty("score").GetDouble();
            score.ShouldBeInRange(0, test.GetProperty("max_score").GetDouble());
            total += score;
            test.GetProperty("name").GetString().ShouldNotBeNullOrWhiteSpace();
            // "number": "1.1"
            test.GetProperty("number").GetString()!.ShouldMatch(@"^\d+\.\d+$");
            test.GetProperty("output").ValueKind.ShouldBe(JsonValueKind.String);
            test.GetProperty("tags").EnumerateArray().ShouldAllBe(t => t.ValueKind == JsonValueKind.String);
            test.GetProperty("visibility").GetString().ShouldBeOneOf(Visibility);
            // "Test case status": passed or failed
            test.GetProperty("status").GetString().ShouldBeOneOf("passed", "failed");
            if (test.GetProperty("status").GetString() == "passed") score.ShouldBe(test.GetProperty("max_score").GetDouble());
        }
        // "score: ... Overrides total of tests if specified": both agree here.
        root.GetProperty("score").GetDouble().ShouldBe(total);
    }

    [Fact]
    public void Tests_are_numbered_chapter_dot_step_in_file_order_and_tagged_with_chapter_and_step()
    {
        using var json = JsonDocument.Parse(Render("all-passed"));
        var tests = json.RootElement.GetProperty("tests").EnumerateArray().ToList();
        tests.Select(t => t.GetProperty("number").GetString()).ShouldBe(["1.1", "1.2", "1.2", "1.3", "1.4", "1.5"]);
        tests[0].GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["01-Adder", "step-1"]);
        json.RootElement.GetProperty("score").GetDouble().ShouldBe(10);
    }

    [Fact]
    public void Gpu_only_tests_skipped_on_this_machine_count_neither_in_score_nor_in_maximum()
    {
        using var json = JsonDocument.Parse(Render("gpu-skipped"));
        var tests = json.RootElement.GetProperty("tests").EnumerateArray().ToList();
        tests.Select(t => t.GetProperty("name").GetString()).ShouldNotContain("Adds on the gpu");
        tests.Sum(t => t.GetProperty("max_score").GetDouble()).ShouldBe(7);
        json.RootElement.GetProperty("output").GetString()!.ShouldContain("1 test(s) not counted on this machine (3 points)");
    }

    [Fact]
    public void Hidden_tests_are_shown_after_the_due_date_and_masked_unless_shown()
    {
        using var masked = JsonDocument.Parse(Render("hidden-masked"));
        var hidden = masked.RootElement.GetProperty("tests").EnumerateArray().Where(t => t.GetProperty("visibility").GetString() == "after_due_date").ToList();
        hidden.Count.ShouldBe(2);
        hidden.Select(t => t.GetProperty("name").GetString()).ShouldBe(["Hidden test 1", "Hidden test 2"]);
        masked.RootElement.GetRawText().ShouldNotContain("SECRET");
        masked.RootElement.GetRawText().ShouldNotContain("secret output");
        using var shown = JsonDocument.Parse(Render("hidden-shown"));
        shown.RootElement.GetProperty("tests").EnumerateArray().Where(t => t.GetProperty("visibility").GetString() == "after_due_date")
            .Select(t => t.GetProperty("name").GetString()).ShouldBe(["Adds huge numbers", "Adds negative numbers"]);
    }

    [Fact]
    public void A_tampered_chapter_scores_0_and_says_so()
    {
        using var json = JsonDocument.Parse(Render("tampered"));
        json.RootElement.GetProperty("score").GetDouble().ShouldBe(0);
        foreach (var test in json.RootElement.GetProperty("tests").EnumerateArray())
        {
            test.GetProperty("score").GetDouble().ShouldBe(0);
            test.GetProperty("status").GetString().ShouldBe("failed");
            test.GetProperty("output").GetString()!.ShouldStartWith("Scores 0: the chapter's results were tampered with");
        }
        var output = json.RootElement.GetProperty("output").GetString()!;
        output.ShouldContain("tampered: the chapter scores 0");
        output.ShouldContain("changed: exercises/01-Adder/Tests/AdderTests.cs");
    }

    [Fact]
    public void A_build_error_scores_0_with_the_compilers_errors_in_the_output()
    {
        using var json = JsonDocument.Parse(Render("build-error"));
        json.RootElement.GetProperty("score").GetDouble().ShouldBe(0);
        json.RootElement.GetProperty("output").GetString()!.ShouldContain("exercises/01-Adder/Adder.cs(20,5): CS1002: ; expected");
        json.RootElement.GetProperty("tests").EnumerateArray().ShouldAllBe(t => t.GetProperty("output").GetString()!.Contains("the chapter did not build"));
    }

    [Fact]
    public void The_default_path_is_gradescopes_own_only_inside_its_container() =>
        ResultFormats.All.Single(f => f.Name == "gradescope").DefaultPath
            .ShouldBe(Directory.Exists("/autograder") ? "/autograder/results/results.json" : "gradescope-results.json");

    [Fact]
    public void Numbers_without_a_step_are_the_tests_place_in_the_chapter() =>
        Render("hidden-masked").ShouldContain("\"number\": \"1.7\"", customMessage: "the 7th test of chapter 1 has no [Step]");
}
