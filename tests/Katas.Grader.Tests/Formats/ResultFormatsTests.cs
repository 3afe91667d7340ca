using Katas.Grader.Model;
using Katas.Grader.Rendering.Formats;

namespace Katas.Grader.Tests.Formats;

/// <summary>The registry `katas grade --format` reads, and the test sources the formats read.</summary>
public sealed class ResultFormatsTests : IDisposable
{
    readonly string _course = FormatFixtures.WriteCourse();

    public void Dispose() => Directory.Delete(_course, recursive: true);

    [Fact]
    public void Every_platform_format_is_registered_with_its_spec()
    {
        ResultFormats.All.Select(f => f.Name).ShouldBe(["json", "markdown", "exercism", "gradescope", "prairielearn", "classroom"]);
        ResultFormats.All.Where(f => f.Name is not ("json" or "markdown")).ShouldAllBe(f => f.Spec != null && f.Spec.StartsWith("https://"));
    }

    [Fact]
    public void Formats_parse_by_name_with_their_default_or_given_paths()
    {
        var requests = ResultFormats.Parse(["gradescope,prairielearn", "exercism=out/results.json", "classroom=out/gh"], _course);
        requests.Select(r => r.Format.Name).ShouldBe(["gradescope", "prairielearn", "exercism", "classroom"]);
        requests[2].Path.ShouldBe("out/results.json");
        requests[3].Path.ShouldBe("out/gh");
    }

    [Fact]
    public void Classroom_without_a_path_outside_Actions_fails_before_grading()
    {
        if (Environment.GetEnvironmentVariable(ClassroomResults.GitHubOutputVariable) is { Length: > 0 }) return; // inside Actions it has one
        Should.Throw<GraderException>(() => ResultFormats.Parse(["classroom"])).Message.ShouldContain("classroom=FILE");
    }

    [Fact]
    public void Formats_write_through_the_registry()
    {
        var result = FormatFixtures.Cases["some-failed"];
        var output = Path.Combine(_course, "out");
        var requests = ResultFormats.Parse([$"exercism={output}/ex.json", $"gradescope={output}/gs.json", $"prairielearn={output}/pl.json",
            $"classroom={output}/gh"], _course);
        using var log = new StringWriter();
        ResultFormats.WriteAll(requests, result, log);
        File.ReadAllText(Path.Combine(output, "ex.json")).ShouldContain("\"test_code\": \"Adder.Add(0, 0).ShouldBe(0);\"");
        File.ReadAllText(Path.Combine(output, "gs.json")).ShouldContain("\"number\": \"1.1\"");
        File.ReadAllText(Path.Combine(output, "pl.json")).ShouldContain("\"gradable\": true");
        File.ReadAllText(Path.Combine(output, "gh")).ShouldStartWith("result=");
        log.ToString().ShouldContain("::notice title=Autograding complete::Points 3/7");
    }

    [Fact]
    public void Sources_are_the_trusted_copys_when_the_run_used_one()
    {
        var trusted = FormatFixtures.Result(new TamperReport { ManifestFound = true, TrustedTests = _course },
            FormatFixtures.Cases["all-passed"].Chapters[0]);
        TestSources.For(trusted, "/the/submission").Root.ShouldBe(_course);
        TestSources.For(FormatFixtures.Cases["all-passed"], _course).Root.ShouldBe(_course);
    }

    [Fact]
    public void Sources_find_each_test_its_file_line_and_body_and_theory_rows_their_method()
    {
        var sources = TestSources.At(_course);
        var chapter = FormatFixtures.Cases["all-passed"].Chapters[0];
        var overflow = sources.Find(chapter, FormatFixtures.T("Adding_past_int_max_throws", TestStatus.Passed))!;
        overflow.File.ShouldBe("exercises/01-Adder/Tests/OverflowTests.cs");
        overflow.Line.ShouldBe(6);
        overflow.Code.ShouldBe("Should.Throw<OverflowException>(() => Adder.Add(int.MaxValue, 1));");
        var row = FormatFixtures.T("Add_is_commutative", TestStatus.Passed) with { Method = "Add_is_commutative(a: 1, b: 2)" };
        sources.Find(chapter, row)!.Code.ShouldBe("Adder.Add(a, b).ShouldBe(Adder.Add(b, a));");
        sources.Find(chapter, FormatFixtures.T("Adds_on_the_gpu", TestStatus.Passed))!.Line.ShouldBe(31);
    }

    [Fact]
    public void Sources_never_read_hidden_tests_links_or_unknown_chapters()
    {
        var sources = TestSources.At(_course);
        var chapter = FormatFixtures.Cases["hidden-shown"].Chapters[0];
        sources.Find(chapter, chapter.Tests.First(t => t.Hidden)).ShouldBeNull();
        // A test file that is a link (to anything on the grading machine) is not read.
        var tests = Path.Combine(_course, "exercises", "01-Adder", "Tests");
        File.Move(Path.Combine(tests, "OverflowTests.cs"), Path.Combine(_course, "OverflowTests.cs"));
        File.CreateSymbolicLink(Path.Combine(tests, "OverflowTests.cs"), Path.Combine(_course, "OverflowTests.cs"));
        TestSources.At(_course).Find(chapter, FormatFixtures.T("Adding_past_int_max_throws", TestStatus.Passed)).ShouldBeNull();
        TestSources.At(_course).Find(chapter with { Id = "99-Nothing" }, FormatFixtures.T("Adds_two_numbers", TestStatus.Passed)).ShouldBeNull();
        TestSources.None.Find(chapter, FormatFixtures.T("Adds_two_numbers", TestStatus.Passed)).ShouldBeNull();
    }
}
