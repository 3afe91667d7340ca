using System.Text.Json;
using Katas.Grader.Model;
using Katas.Grader.Rendering.Formats;

namespace Katas.Grader.Tests.Formats;

/// <summary>
/// The Exercism format against the test runner interface, version 3:
/// https://exercism.org/docs/building/tooling/test-runners/interface
/// (exercism/docs, building/tooling/test-runners/interface.md).
/// </summary>
public sealed class ExercismFormatTests : IDisposable
{
    readonly string _course = FormatFixtures.WriteCourse();
    TestSources Sources => TestSources.At(_course);

    public void Dispose() => Directory.Delete(_course, recursive: true);

    string Render(string name) => ExercismResults.Serialize(FormatFixtures.Cases[name].Chapters[0], Sources);

    static readonly string[] TopKeys = ["version", "status", "message", "tests"];
    static readonly string[] TestKeys = ["name", "status", "message", "output", "test_code", "task_id"];

    [Theory]
    [MemberData(nameof(FormatFixtures.CaseNames), MemberType = typeof(FormatFixtures))]
    public void Every_case_matches_its_golden_file(string name) => Golden.Check("exercism", name + ".json", Render(name) + "\n");

    [Theory]
    [MemberData(nameof(FormatFixtures.CaseNames), MemberType = typeof(FormatFixtures))]
    public void Every_field_has_the_interfaces_name_type_and_values(string name)
    {
        using var json = JsonDocument.Parse(Render(name));
        var root = json.RootElement;
        root.EnumerateObject().Select(p => p.Name).ShouldBeSubsetOf(TopKeys);
        // "version: number, required; 3: for tracks which test runner can link individual tests to a task"
        root.GetProperty("version").ValueKind.ShouldBe(JsonValueKind.Number);
        root.GetProperty("version").GetInt32().ShouldBe(3);
        // "status: pass | fail | error"
        var status = root.GetProperty("status").GetString();
        status.ShouldBeOneOf("pass", "fail", "error");
        // "message: required if status = error ... When the status is not error, either set the value to null or omit the key"
        if (status == "error") root.GetProperty("message").GetString().ShouldNotBeNullOrWhiteSpace();
        else root.TryGetProperty("message", out _).ShouldBeFalse();
        // "tests: array" of per-test objects
        root.GetProperty("tests").ValueKind.ShouldBe(JsonValueKind.Array);
        foreach (var test in root.GetProperty("tests").EnumerateArray())
        {
            test.EnumerateObject().Select(p => p.Name).ShouldBeSubsetOf(TestKeys);
            test.GetProperty("name").GetString().ShouldNotBeNullOrWhiteSpace();
            test.GetProperty("status").GetString().ShouldBeOneOf("pass", "fail", "error");
            if (test.TryGetProperty("message", out var message)) message.ValueKind.ShouldBe(JsonValueKind.String);
            // "The output must be limited to 500 chars."
            if (test.TryGetProperty("output", out var output)) output.GetString()!.Length.ShouldBeLessThanOrEqualTo(500);
            if (test.TryGetProperty("test_code", out var code)) code.GetString().ShouldNotBeNullOrWhiteSpace();
            // "task_id: number, optional (version 3)"
            if (test.TryGetProperty("task_id", out var task)) task.GetInt32().ShouldBeGreaterThan(0);
        }
    }

    [Theory]
    [InlineData("all-passed", "pass")]
    [InlineData("gpu-skipped", "pass")]
    [InlineData("hidden-masked", "fail")]
    [InlineData("some-failed", "fail")]
    [InlineData("not-started", "fail")]
    [InlineData("timed-out-after-some", "fail")]   // some tests ran, then the time ran out
    [InlineData("build-error", "error")]           // no test ran
    [InlineData("crashed-before-any", "error")]    // no test finished
    [InlineData("tampered", "error")]              // no trustworthy result
    public void Status_is_error_only_when_no_test_result_exists(string name, string status)
    {
        using var json = JsonDocument.Parse(Render(name));
        json.RootElement.GetProperty("status").GetString().ShouldBe(status);
    }

    [Fact]
    public void Tests_come_in_the_order_of_the_test_files_with_their_step_as_task_id_and_their_body_as_test_code()
    {
        using var json = JsonDocument.Parse(Render("all-passed"));
        var tests = json.RootElement.GetProperty("tests").EnumerateArray().ToList();
        // "The tests MUST be returned in the order they are specified in the tests file."
        tests.Select(t => t.GetProperty("name").GetString()).ShouldBe(
        [
            "Zero plus zero is zero", "Adds two numbers", "Prints its work", "Add is commutative", "Adds on the gpu",
            "Adding past int max throws",
        ]);
        tests.Select(t => t.GetProperty("task_id").GetInt32()).ShouldBe([1, 2, 2, 3, 4, 5]);
        // "test_code: the body of the command that is being tested", without the method's braces.
        tests[0].GetProperty("test_code").GetString().ShouldBe("Adder.Add(0, 0).ShouldBe(0);");
        tests[1].GetProperty("test_code").GetString().ShouldBe("// The simplest case first.\nvar sum = Adder.Add(2, 3);\n\nsum.ShouldBe(5, \"2 + 3\");");
        tests[2].GetProperty("test_code").GetString().ShouldBe("Adder.Explain(2, 3).ShouldBe(\"2 + 3 = 5\");");
    }

    [Fact]
    public void Output_over_500_characters_is_cut_with_the_interfaces_note()
    {
        using var json = JsonDocument.Parse(Render("some-failed"));
        var output = json.RootElement.GetProperty("tests").EnumerateArray()
            .Single(t => t.GetProperty("name").GetString() == "Adds two numbers").GetProperty("output").GetString()!;
        output.Length.ShouldBe(500);
        output.ShouldEndWith("Output was truncated. Please limit to 500 chars.");
        output.ShouldStartWith("epoch  0: loss 0.000\n");
    }

    [Fact]
    public void Gpu_only_tests_skipped_on_this_machine_are_left_out()
    {
        using var json = JsonDocument.Parse(Render("gpu-skipped"));
        json.RootElement.GetProperty("tests").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ShouldNotContain("Adds on the gpu");
        json.RootElement.GetProperty("tests").GetArrayLength().ShouldBe(5);
    }

    [Fact]
    public void A_build_error_gives_the_compilers_errors_as_the_message()
    {
        using var json = JsonDocument.Parse(Render("build-error"));
        var message = json.RootElement.GetProperty("message").GetString()!;
        message.ShouldStartWith("the chapter does not compile (2 errors)\n");
        message.ShouldContain("exercises/01-Adder/Adder.cs(12,9): CS0029: Cannot implicitly convert type 'string' to 'int'");
    }

    [Fact]
    public void Hidden_tests_are_masked_like_the_other_reports_and_have_no_code()
    {
        var masked = Render("hidden-masked");
        masked.ShouldNotContain("SECRET");
        masked.ShouldNotContain("Adds_negative");
        masked.ShouldNotContain("secret output");
        masked.ShouldContain("hidden test failed");
        var shown = Render("hidden-shown");
        shown.ShouldContain("SECRET expected 10000000000");
        using var json = JsonDocument.Parse(shown);
        json.RootElement.GetProperty("tests").EnumerateArray().Where(t => t.GetProperty("name").GetString()!.Contains("huge", StringComparison.Ordinal))
            .Single().TryGetProperty("test_code", out _).ShouldBeFalse("a hidden test's code is never read, even from a course that has it");
    }

    [Fact]
    public void One_chapter_goes_to_a_json_path_and_several_need_a_folder()
    {
        var output = Path.Combine(_course, "out");
        ExercismResults.Write(FormatFixtures.Cases["some-failed"], Path.Combine(output, "results.json"), Sources);
        File.ReadAllText(Path.Combine(output, "results.json")).ShouldBe(Render("some-failed") + "\n");

        Should.Throw<GraderException>(() => ExercismResults.Write(FormatFixtures.Cases["two-chapters"], Path.Combine(output, "both.json"), Sources))
            .Message.ShouldContain("--chapter");
        ExercismResults.Write(FormatFixtures.Cases["two-chapters"], Path.Combine(output, "all"), Sources);
        File.Exists(Path.Combine(output, "all", "01-Adder", "results.json")).ShouldBeTrue();
        File.Exists(Path.Combine(output, "all", "02-Broken", "results.json")).ShouldBeTrue();
    }
}
