using System.Text;
using System.Text.Json;
using Katas.Grader.Rendering.Formats;

namespace Katas.Grader.Tests.Formats;

/// <summary>
/// The Classroom format against the actions GitHub Classroom's autograding runs:
/// <list type="bullet">
/// <item>classroom-resources/autograding-command-grader (and autograding-io-grader), index.js: generateResult()
/// builds <c>{version: 1, status, max_score, tests: [{name, status, score, message, test_code, filename, line_no, duration}]}</c>
/// and <c>core.setOutput('result', btoa(JSON.stringify(result)))</c>;</item>
/// <item>classroom-resources/autograding-grading-reporter, src/notify-classroom.js: <c>core.notice(`Points ${totalPoints}/${maxPoints}`,
/// {title: "Autograding complete"})</c> and <c>core.notice(JSON.stringify({totalPoints, maxPoints}), {title: "Autograding report"})</c>,
/// nothing when maxPoints is 0;</item>
/// <item>actions/toolkit, packages/core/src/command.ts: escapeData (% \r \n) and escapeProperty (also : and ,).</item>
/// </list>
/// </summary>
public sealed class ClassroomFormatTests : IDisposable
{
    readonly string _course = FormatFixtures.WriteCourse();

    public void Dispose() => Directory.Delete(_course, recursive: true);

    (string Output, string Log) Write(string name)
    {
        var output = Path.Combine(_course, "out", name + ".github_output");
        using var log = new StringWriter { NewLine = "\n" };
        ClassroomResults.Write(FormatFixtures.Cases[name], output, log, TestSources.At(_course));
        return (File.ReadAllText(output), log.ToString());
    }

    static JsonDocument Decode(string output)
    {
        output.ShouldStartWith("result=");
        output.ShouldEndWith("\n");
        output.Count(c => c == '\n').ShouldBe(1);
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(output["result=".Length..^1])));
    }

    static readonly string[] TopKeys = ["version", "status", "max_score", "tests"];
    static readonly string[] TestKeys = ["name", "status", "score", "message", "test_code", "filename", "line_no", "duration"];

    [Theory]
    [MemberData(nameof(FormatFixtures.CaseNames), MemberType = typeof(FormatFixtures))]
    public void Every_case_matches_its_golden_files(string name)
    {
        var (output, log) = Write(name);
        using var payload = Decode(output);
        Golden.Check("classroom", name + ".json", JsonSerializer.Serialize(payload.RootElement, FormatRulesJson) + "\n");
        Golden.Check("classroom", name + ".log", log);
    }

    static readonly JsonSerializerOptions FormatRulesJson = new()
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [Theory]
    [MemberData(nameof(FormatFixtures.CaseNames), MemberType = typeof(FormatFixtures))]
    public void The_step_output_has_the_command_graders_fields_and_types(string name)
    {
        using var payload = Decode(Write(name).Output);
        var root = payload.RootElement;
        root.EnumerateObject().Select(p => p.Name).ShouldBe(TopKeys);
        root.GetProperty("version").GetInt32().ShouldBe(1);
        root.GetProperty("status").GetString().ShouldBeOneOf("pass", "fail", "error");
        var max = root.GetProperty("max_score").GetInt32();
        max.ShouldBeGreaterThanOrEqualTo(0);
        var total = 0;
        foreach (var test in root.GetProperty("tests").EnumerateArray())
        {
            test.EnumerateObject().Select(p => p.Name).ShouldBe(TestKeys);
            test.GetProperty("name").GetString().ShouldNotBeNullOrWhiteSpace();
            test.GetProperty("status").GetString().ShouldBeOneOf("pass", "fail", "error");
            total += test.GetProperty("score").GetInt32();
            test.GetProperty("message").ValueKind.ShouldBe(JsonValueKind.String);
            test.GetProperty("test_code").GetString()!.ShouldStartWith("dotnet run --project grader -- grade --chapter ");
            test.GetProperty("filename").ValueKind.ShouldBe(JsonValueKind.String);
            test.GetProperty("line_no").GetInt32().ShouldBeGreaterThanOrEqualTo(0);
            // generateResult's duration: endTime - startTime, milliseconds.
            test.GetProperty("duration").GetInt64().ShouldBeGreaterThanOrEqualTo(0);
        }
        total.ShouldBeLessThanOrEqualTo(max);
    }

    [Theory]
    [InlineData("all-passed", "pass", 10, 10)]
    [InlineData("gpu-skipped", "pass", 7, 7)]
    [InlineData("some-failed", "fail", 3, 7)]
    [InlineData("not-started", "fail", 0, 7)]
    [InlineData("timed-out-after-some", "fail", 3, 7)]
    [InlineData("crashed-before-any", "error", 0, 7)]
    [InlineData("build-error", "error", 0, 7)]
    [InlineData("tampered", "error", 0, 7)]
    [InlineData("hidden-masked", "fail", 9, 11)]
    [InlineData("two-chapters", "fail", 7, 7)]
    public void The_reporters_two_notices_give_the_points(string name, string status, int points, int max)
    {
        var (output, log) = Write(name);
        using var payload = Decode(output);
        payload.RootElement.GetProperty("status").GetString().ShouldBe(status);
        log.ShouldBe(
            $"::notice title=Autograding complete::Points {points}/{max}\n" +
            $"::notice title=Autograding report::{{\"totalPoints\":{points},\"maxPoints\":{max}}}\n");
    }

    [Fact]
    public void Annotations_are_escaped_as_actions_core_escapes_them()
    {
        ClassroomResults.Notice("Autograding complete", "Points 1/2").ShouldBe("::notice title=Autograding complete::Points 1/2");
        ClassroomResults.Notice("a: b, c%", "50%\r\ndone").ShouldBe("::notice title=a%3A b%2C c%25::50%25%0D%0Adone");
        ClassroomResults.EscapeData("a:b,c").ShouldBe("a:b,c", "data keeps : and ,");
    }

    [Fact]
    public void No_notice_when_the_maximum_is_0_as_notify_classroom_returns_early()
    {
        var empty = FormatFixtures.Result(FormatFixtures.Cases["two-chapters"].Chapters[1]);
        using var log = new StringWriter();
        ClassroomResults.Write(empty, Path.Combine(_course, "out", "empty"), log, TestSources.At(_course));
        log.ToString().ShouldBeEmpty();
    }

    [Fact]
    public void Each_chapter_is_one_test_pointing_at_the_build_error_or_the_test_to_fix_next()
    {
        using var failed = Decode(Write("some-failed").Output);
        var chapter = failed.RootElement.GetProperty("tests").EnumerateArray().Single();
        chapter.GetProperty("name").GetString().ShouldBe("1. Adder");
        chapter.GetProperty("score").GetInt32().ShouldBe(3);
        chapter.GetProperty("test_code").GetString().ShouldBe("dotnet run --project grader -- grade --chapter 1");
        // The lowest step not passing: Adds_two_numbers (step 2, a failure before a stub).
        chapter.GetProperty("filename").GetString().ShouldBe("exercises/01-Adder/Tests/AdderTests.cs");
        chapter.GetProperty("line_no").GetInt32().ShouldBe(12);
        chapter.GetProperty("duration").GetInt64().ShouldBe(12345);
        chapter.GetProperty("message").GetString()!.ShouldContain("- Adds two numbers (failed): sum should be 5 but was 6");

        using var broken = Decode(Write("build-error").Output);
        var error = broken.RootElement.GetProperty("tests")[0];
        error.GetProperty("filename").GetString().ShouldBe("exercises/01-Adder/Adder.cs");
        error.GetProperty("line_no").GetInt32().ShouldBe(12);
        error.GetProperty("message").GetString()!.ShouldContain("CS0029");
    }

    [Fact]
    public void The_output_is_appended_so_that_other_steps_outputs_stay()
    {
        var output = Path.Combine(_course, "out", "appended");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.WriteAllText(output, "other=1\n");
        ClassroomResults.Write(FormatFixtures.Cases["all-passed"], output, TextWriter.Null, TestSources.At(_course));
        var lines = File.ReadAllLines(output);
        lines[0].ShouldBe("other=1");
        lines[1].ShouldStartWith("result=");
    }

    [Fact]
    public void Without_a_path_it_writes_to_GITHUB_OUTPUT_and_outside_Actions_says_what_to_pass()
    {
        ClassroomResults.GitHubOutput(_ => "/tmp/gh_output").ShouldBe("/tmp/gh_output");
        var e = Should.Throw<GraderException>(() => ClassroomResults.GitHubOutput(_ => null));
        e.Message.ShouldContain("GITHUB_OUTPUT");
        e.Message.ShouldContain("classroom=FILE");
    }

    [Fact]
    public void Hidden_tests_are_masked_in_the_message()
    {
        var masked = Encoding.UTF8.GetString(Convert.FromBase64String(Write("hidden-masked").Output["result=".Length..^1]));
        masked.ShouldNotContain("SECRET");
        masked.ShouldContain("Hidden test 1 (failed): hidden test failed");
    }
}
