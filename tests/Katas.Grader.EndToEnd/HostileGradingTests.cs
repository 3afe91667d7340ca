using System.Text.RegularExpressions;
using Katas.Grader.Model;
using Katas.Grader.Layout;
using Katas.Grader.Running;

namespace Katas.Grader.EndToEnd;

/// <summary>
/// The hostile battery: each attempt of Fixtures/hostile (see its README) gets exactly the grade
/// its code earns, and every report says what was forged or rejected.
/// </summary>
public sealed partial class HostileGradingTests(HostileGrading hostile) : IClassFixture<HostileGrading>
{
    [Fact]
    public void Grading_runs_and_the_trusted_manifest_decides_the_chapters_and_their_points()
    {
        hostile.ExitCode.ShouldBe(0, hostile.Console);
        hostile.Result.Chapters.Select(c => (c.Id, c.MaxPoints)).ShouldBe(
            [("01-Passing", 9), ("02-Partial", 6), ("05-BuildError", 4), ("07-Banned", 1), ("08-Forged", 5)],
            "max points are the trusted manifest's: not 1000 more for an extra test, not 300 for a regenerated manifest");
        hostile.Result.Score.Points.ShouldBe(0, "the one honest pass is in a tampered chapter, which earns nothing");
        hostile.Result.Run.Sandboxed.ShouldBeTrue("a submission is graded in the sandbox");
    }

    [Fact]
    public void A_symbolic_link_to_the_reference_solution_is_refused_and_the_chapter_is_tampered()
    {
        var ch = hostile.Chapter("05-BuildError");

        ch.Status.ShouldBe(ChapterStatus.Tampered);
        ch.Message!.ShouldContain("exercises/05-BuildError/Broken.cs is a symbolic link");
        ch.Points.ShouldBe(0);
        ch.Tests.ShouldAllBe(t => t.Status == TestStatus.NotRun);
    }

    [Fact]
    public void Forged_xunit_messages_on_the_standard_output_mark_the_chapter_tampered_and_score_0()
    {
        var ch = hostile.Chapter("02-Partial");

        ch.Status.ShouldBe(ChapterStatus.Tampered);
        ch.Message!.ShouldContain("did not sign");
        var cube = ch.Tests.Single(t => t.Method == "Cube_of_3_is_27");
        cube.Status.ShouldBe(TestStatus.Failed, "the forged pass is not a result: the real one (9, not 27) is");
        (cube.Points, cube.MaxPoints).ShouldBe((0, 3));
        ch.Points.ShouldBe(0);
    }

    [Fact]
    public void A_whole_forged_run_followed_by_an_abnormal_end_marks_the_chapter_tampered_and_scores_0()
    {
        var ch = hostile.Chapter("08-Forged");

        ch.Status.ShouldBe(ChapterStatus.Tampered);
        ch.Message!.ShouldContain("did not sign");
        ch.Points.ShouldBe(0);
        ch.MaxPoints.ShouldBe(5, "the forged Points traits (100 each) count for nothing");
        var finish = ch.Tests.Single(t => t.Method == "Finish_is_1");
        finish.Status.ShouldNotBe(TestStatus.Passed, "the test that forged its pass never finished: the process died in it");
        ch.Tests.ShouldAllBe(t => t.Points == 0);
    }

    [Fact]
    public void Learner_code_reads_and_writes_nothing_outside_its_workspace()
    {
        var twice = hostile.Chapter("02-Partial").Tests.Single(t => t.Method == "Twice_3_is_6");

        HostileGrading.Outside.ShouldHaveGotNothing(twice.Output, hostile.TrustedRoot, victim: hostile.SubmissionRoot);
    }

    [Fact]
    public void What_the_learners_code_prints_with_Console_is_the_tests_output_not_a_message_to_the_grader()
    {
        var ch = hostile.Chapter("02-Partial");
        var twice = ch.Tests.Single(t => t.Method == "Twice_3_is_6");

        twice.Status.ShouldBe(TestStatus.Passed);
        twice.Output!.ShouldContain("console-forged");
        ch.Message!.ShouldNotContain("'test-failed' message for a test that never started");
    }

    [Fact]
    public void The_submissions_Directory_Build_rsp_and_NuGet_config_do_not_reach_the_build()
    {
        // The .rsp would compile the right Square; the NuGet.config would make restore fail.
        var ch = hostile.Chapter("02-Partial");
        ch.BuildErrors.ShouldBeEmpty();
        ch.Tests.Single(t => t.Method == "Square_of_3_is_9").Status.ShouldBe(TestStatus.NotImplemented);
    }

    [Fact]
    public void A_weakened_test_is_replaced_by_the_trusted_one_and_reported_against_the_trusted_manifest()
    {
        hostile.Result.Tamper.TrustedTests.ShouldBe(hostile.TrustedRoot);
        hostile.Result.Tamper.Changed.ShouldBe(["NuGet.config", "exercises/02-Partial/Tests/MathsTests.cs"],
            "the submission's regenerated manifest hides nothing: the comparison is with the trusted one");
        hostile.Result.Tamper.Added.ShouldBe(["Directory.Build.rsp"]);
    }

    [Fact]
    public void An_extra_test_with_1000_points_outside_Tests_is_a_build_error_and_the_maximum_stays()
    {
        var ch = hostile.Chapter("01-Passing");

        ch.Status.ShouldBe(ChapterStatus.BuildError);
        ch.BuildErrors.ShouldContain(e => e.File == "exercises/01-Passing/Bonus.cs" && e.Line == 7 && e.Code == Allowlist.Code);
        ch.Tests.ShouldNotContain(t => t.Method == "Free_points");
        ch.Points.ShouldBe(0);
    }

    public static TheoryData<string> ForbiddenUses() => [.. Marked("forbids")];

    public static TheoryData<string> GraderChecks() => [.. Marked("checks")];

    [Theory, MemberData(nameof(ForbiddenUses))]
    public void Each_use_outside_the_allowlist_is_a_build_error_on_its_line(string use)
    {
        var errors = hostile.Result.Chapters.SelectMany(c => c.BuildErrors).ToList();
        foreach (var (file, line) in Places("forbids", use))
            errors.ShouldContain(e => e.File == file && e.Line == line && e.Code == Allowlist.Code, $"{use}: no {Allowlist.Code} at {file}:{line}");
    }

    [Theory, MemberData(nameof(GraderChecks))]
    public void Each_construct_the_allowlist_has_no_symbol_for_is_a_build_error_with_the_graders_reason(string code)
    {
        var ch = hostile.Result.Chapters.SelectMany(c => c.BuildErrors).ToList();
        foreach (var (file, line) in Places("checks", code))
            ch.ShouldContain(e => e.File == file && e.Line == line && e.Code == code, $"{code} at {file}:{line}");
    }

    [Fact]
    public void A_learner_sees_each_rejected_line_and_why_in_every_report()
    {
        var banned = hostile.Chapter("07-Banned");
        banned.Status.ShouldBe(ChapterStatus.BuildError);
        banned.BuildErrors.ShouldContain(e => e.ToString().StartsWith(
            "exercises/07-Banned/Runtime.cs(12,9): KATAS100: 'System.Environment.Exit' is not among the APIs a kata may use", StringComparison.Ordinal));
        banned.BuildErrors.ShouldContain(e => e.File == "exercises/07-Banned/Impl/Tests/Boot.cs",
            "a file in a nested Tests folder is the learner's, and judged");
        banned.BuildErrors.ShouldAllBe(e => e.File.StartsWith("exercises/07-Banned/", StringComparison.Ordinal),
            "only the learner's files are judged: not the tests, not generated or package sources");

        hostile.Console.ShouldContain("tampered");
        hostile.Console.ShouldContain("exercises/01-Passing/Bonus.cs(7,");
        var markdown = File.ReadAllText(hostile.MarkdownPath);
        markdown.ShouldContain("| 2. Partial | 0 / 6 |");
        markdown.ShouldContain("tampered");
        using var exercism = GradedCourse.ReadJson(Path.Combine(hostile.ExercismFolder, "02-Partial", "results.json"));
        exercism.RootElement.GetProperty("status").GetString().ShouldBe("error");
        exercism.RootElement.GetProperty("message").GetString()!.ShouldContain("did not sign");
        using var json = GradedCourse.ReadJson(hostile.JsonPath);
        json.RootElement.GetProperty("chapters")[1].GetProperty("status").GetString().ShouldBe("tampered");
    }

    [Fact]
    public void The_workspace_is_outside_the_submission_and_gone_after_grading()
    {
        var workspaces = Workspace.PrefixFor(hostile.SubmissionRoot);
        workspaces.ShouldNotStartWith(hostile.SubmissionRoot);
        var parent = Path.GetDirectoryName(workspaces)!;
        (Directory.Exists(parent) ? Directory.GetDirectories(parent, Path.GetFileName(workspaces) + "*") : []).ShouldBeEmpty();
        Should.Throw<GraderException>(() => Workspace.Prepare(hostile.SubmissionRoot, hostile.TrustedRoot, null,
            into: Path.Combine(hostile.SubmissionRoot, "artifacts", "ws"))).Message.ShouldContain("inside the submission");
    }

    // "// bans: ID" or "// checks: CODE" in Fixtures/hostile: the next line that is not such a comment uses it.
    static IEnumerable<(string Key, string File, int Line)> Markers(string kind)
    {
        foreach (var path in Directory.EnumerateFiles(HostileGrading.Overlay, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var lines = File.ReadAllLines(path);
            var relative = Path.GetRelativePath(HostileGrading.Overlay, path).Replace('\\', '/');
            for (var i = 0; i < lines.Length; i++)
            {
                var m = Marker().Match(lines[i]);
                if (!m.Success || m.Groups[1].Value != kind) continue;
                var target = i + 1;
                while (target < lines.Length && Marker().IsMatch(lines[target])) target++;
                yield return (m.Groups[2].Value.Trim(), relative, target + 1);
            }
        }
    }

    static IEnumerable<string> Marked(string kind) => Markers(kind).Select(m => m.Key).Distinct();

    static IEnumerable<(string File, int Line)> Places(string kind, string key) =>
        Markers(kind).Where(m => m.Key == key).Select(m => (m.File, m.Line));

    static (string File, int Line) Where(string kind, string key) => Places(kind, key).First();

    [GeneratedRegex(@"^\s*// (forbids|checks): (.+)$")]
    private static partial Regex Marker();
}
