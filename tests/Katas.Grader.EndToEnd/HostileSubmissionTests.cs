using Katas.Grader.Model;

namespace Katas.Grader.EndToEnd;

/// <summary>
/// The grader against broken and hostile submissions: every chapter is graded whatever the others
/// do, and what went wrong is said per chapter and per test.
/// </summary>
public sealed class HostileSubmissionTests(GradedCourse graded) : IClassFixture<GradedCourse>
{
    [Fact]
    public void Grading_exits_with_0_even_though_chapters_fail_crash_and_hang()
    {
        graded.ExitCode.ShouldBe(0, graded.Console);
        graded.Result.Chapters.Select(c => c.Id).ShouldBe(
            ["01-Passing", "02-Partial", "03-Hang", "04-FailFast", "05-BuildError", "06-NativeCrash"]);
    }

    [Fact]
    public void A_complete_chapter_scores_all_its_points_and_a_gpu_test_is_skipped_with_its_reason()
    {
        var ch = graded.Chapter("01-Passing");

        ch.Status.ShouldBe(ChapterStatus.Passed);
        ch.Points.ShouldBe(4);
        ch.MaxPoints.ShouldBe(4, "a skipped test's points are not counted against the learner");
        ch.SkippedPoints.ShouldBe(5);
        var gpu = ch.Tests.Single(t => t.Method == "Runs_on_a_gpu");
        gpu.Status.ShouldBe(TestStatus.Skipped);
        gpu.Message!.ShouldContain("needs a CUDA GPU");
    }

    [Fact]
    public void A_partial_solution_gets_partial_points_with_each_test_status_and_message()
    {
        var ch = graded.Chapter("02-Partial");

        ch.Status.ShouldBe(ChapterStatus.Failed);
        ch.Points.ShouldBe(1);
        ch.MaxPoints.ShouldBe(6);
        var square = ch.Tests.Single(t => t.Method == "Square_of_3_is_9");
        square.Status.ShouldBe(TestStatus.NotImplemented);
        square.Message.ShouldBe("TODO 2: return x * x (Maths.Square). See README step 2.");
        var cube = ch.Tests.Single(t => t.Method == "Cube_of_3_is_27");
        cube.Status.ShouldBe(TestStatus.Failed);
        cube.Message!.ShouldContain("a cube is x * x * x");
        cube.ExceptionType.ShouldBe("Shouldly.ShouldAssertException");
        cube.Location!.ShouldStartWith("at Fixture.Tests.MathsTests.Cube_of_3_is_27() in exercises/02-Partial/Tests/MathsTests.cs");
    }

    [Fact]
    public void A_test_that_loops_forever_is_reported_as_timed_out_and_the_chapters_after_it_are_still_graded()
    {
        var ch = graded.Chapter("03-Hang");

        ch.Status.ShouldBe(ChapterStatus.TimedOut);
        ch.Message!.ShouldContain($"did not finish within {GradedCourse.TimeoutSeconds} s");
        ch.Tests.Single(t => t.Method == "Z_a_test_that_never_ends").Status.ShouldBe(TestStatus.TimedOut);
        ch.Tests.Single(t => t.Method == "A_quick_test_passes").Status.ShouldBeOneOf(TestStatus.Passed, TestStatus.NotRun);
        ch.MaxPoints.ShouldBe(3, "tests that never ran still count: their points come from the test list");
        ch.DurationSeconds.ShouldBeLessThan(GradedCourse.TimeoutSeconds + 60);
        graded.Chapter("04-FailFast").Tests.ShouldNotBeEmpty("the next chapter ran");
    }

    [Fact]
    public void A_test_host_killed_by_FailFast_is_reported_as_crashed()
    {
        var ch = graded.Chapter("04-FailFast");

        ch.Status.ShouldBe(ChapterStatus.Crashed);
        ch.Message!.ShouldContain("the test host died");
        var killer = ch.Tests.Single(t => t.Method == "Z_a_test_that_kills_its_process");
        killer.Status.ShouldBe(TestStatus.Crashed);
    }

    [Fact]
    public void A_native_crash_is_reported_as_crashed()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "the fixture raises a POSIX signal");
        var ch = graded.Chapter("06-NativeCrash");

        ch.Status.ShouldBe(ChapterStatus.Crashed);
        ch.Tests.Single().Status.ShouldBe(TestStatus.Crashed);
        ch.MaxPoints.ShouldBe(3);
    }

    [Fact]
    public void A_compile_error_is_reported_with_its_message_and_a_path_relative_to_the_repository()
    {
        var ch = graded.Chapter("05-BuildError");

        ch.Status.ShouldBe(ChapterStatus.BuildError);
        ch.Points.ShouldBe(0);
        var error = ch.BuildErrors.ShouldHaveSingleItem();
        error.File.ShouldBe("exercises/05-BuildError/Broken.cs");
        error.Line.ShouldBe(5);
        error.Code.ShouldBe("CS0029");
        error.Message.ShouldContain("Cannot implicitly convert type 'string' to 'int'");
    }

    [Fact]
    public void The_total_is_the_sum_of_the_chapters()
    {
        graded.Result.Score.Points.ShouldBe(graded.Result.Chapters.Sum(c => c.Points));
        graded.Result.Score.MaxPoints.ShouldBe(graded.Result.Chapters.Sum(c => c.MaxPoints));
        graded.Result.Score.Points.ShouldBe(4 + 1 + graded.Chapter("03-Hang").Points + graded.Chapter("04-FailFast").Points);
    }

    [Fact]
    public async Task A_child_process_that_detached_itself_is_killed_with_its_chapter_and_cannot_rewrite_the_results()
    {
        Assert.SkipWhen(!OperatingSystem.IsLinux(), "process groups are killed through setsid(1), on Linux");
        graded.Chapter("01-Passing").Tests.Single(t => t.Method == "A_detached_child_is_left_behind").Status.ShouldBe(TestStatus.Passed);

        // Left alive, the child would rewrite result.json 1 s after the summary appears: wait longer.
        var wait = graded.GraderExitedAt + TimeSpan.FromSeconds(2.5) - DateTimeOffset.Now;
        if (wait > TimeSpan.Zero) await Task.Delay(wait, TestContext.Current.CancellationToken);

        File.Exists(graded.PathOf("out/detached-child-was-here")).ShouldBeFalse();
        GradedCourse.ReadJson(graded.JsonPath).RootElement.GetProperty("$schema").GetString().ShouldBe("katas-result/1");
    }

    [Fact]
    public void The_result_files_are_written_and_an_old_one_is_replaced_whole()
    {
        using var json = GradedCourse.ReadJson(graded.JsonPath);
        json.RootElement.GetProperty("$schema").GetString().ShouldBe("katas-result/1");
        json.RootElement.GetProperty("run").GetProperty("track").GetString().ShouldBe("exercises");
        json.RootElement.GetProperty("chapters")[1].GetProperty("tests").EnumerateArray()
            .Select(t => t.GetProperty("status").GetString()).Order().ShouldBe(["failed", "not-implemented", "passed"]);
        Directory.GetFiles(Path.GetDirectoryName(graded.JsonPath)!, "*.tmp").ShouldBeEmpty();

        var markdown = File.ReadAllText(graded.MarkdownPath);
        markdown.ShouldContain($"| 2. Partial | 1 / 6 |");
        markdown.ShouldContain($"Points {graded.Result.Score.Points}/{graded.Result.Score.MaxPoints}");
        graded.Console.ShouldContain($"Points {graded.Result.Score.Points}/{graded.Result.Score.MaxPoints}");
    }

    [Fact]
    public void Each_chapter_gets_an_exercism_results_file_of_version_3()
    {
        using var partial = GradedCourse.ReadJson(Path.Combine(graded.ExercismFolder, "02-Partial", "results.json"));
        partial.RootElement.GetProperty("version").GetInt32().ShouldBe(3);
        partial.RootElement.GetProperty("status").GetString().ShouldBe("fail");
        partial.RootElement.GetProperty("tests").EnumerateArray().Select(t => t.GetProperty("status").GetString())
            .Order().ShouldBe(["fail", "fail", "pass"]);

        using var broken = GradedCourse.ReadJson(Path.Combine(graded.ExercismFolder, "05-BuildError", "results.json"));
        broken.RootElement.GetProperty("status").GetString().ShouldBe("error");
        broken.RootElement.GetProperty("message").GetString()!.ShouldContain("CS0029");
    }
}
