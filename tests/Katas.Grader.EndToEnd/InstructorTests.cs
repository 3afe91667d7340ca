using Katas.Tooling;
using Katas.Grader.Instructor;
using Katas.Grader.Integrity;
using Katas.Grader.Model;
using Katas.Grader.Layout;
using Katas.Grader.Running;

namespace Katas.Grader.EndToEnd;

/// <summary>The instructor kit: student export, solutions branch, hidden tests.</summary>
public sealed class InstructorTests : IDisposable
{
    readonly FixtureCourse _course = new("instructor");
    readonly List<string> _cleanup = [];

    public void Dispose()
    {
        _course.Dispose();
        foreach (var dir in _cleanup) try { Directory.Delete(dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    string Temp(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "katas-fixtures", $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)]);
        _cleanup.Add(dir);
        return dir;
    }

    static string HiddenTests => Path.Combine(FixtureCourse.Repo, "tests", "Katas.Grader.Tests", "Fixtures", "hidden-tests");

    void CommitCourse()
    {
        Git.Run(_course.Root, "init", "-q", "-b", "main");
        Git.Run(_course.Root, "add", "-A");
        Git.Run(_course.Root, "commit", "-q", "-m", "course");
    }

    [Fact]
    public async Task The_student_export_has_no_solutions_no_instructor_files_no_history_and_its_exercises_are_red()
    {
        FixtureCourse.Copy(HiddenTests, _course.PathOf("instructor/hidden-tests"));
        CommitCourse();
        var target = Temp("student");

        var result = StudentExport.Run(_course.Root, target);

        Directory.Exists(Path.Combine(target, "solutions")).ShouldBeFalse();
        Directory.Exists(Path.Combine(target, "instructor")).ShouldBeFalse("hidden tests never reach students");
        File.Exists(Path.Combine(target, "exercises", "02-Partial", "Tests", "MathsTests.cs")).ShouldBeTrue();
        var readme = File.ReadAllText(Path.Combine(target, "README.md"));
        readme.ShouldNotContain("solutions/");
        readme.ShouldContain("Ask your instructor when stuck.");
        Git.Run(target, "rev-list", "--count", "HEAD").Trim().ShouldBe("1", "a fresh repository: no history to dig solutions out of");
        result.Files.ShouldBeGreaterThan(10);

        var graded = await Grading.RunAsync(target, new GradeOptions { Chapters = ["2"] }, cancel: TestContext.Current.CancellationToken);
        graded.Chapters[0].Status.ShouldBe(ChapterStatus.Failed, "the template builds, and its stub is still red");
        graded.Chapters[0].Tests.ShouldContain(t => t.Status == TestStatus.NotImplemented);
        var error = await Should.ThrowAsync<GraderException>(() =>
            Grading.RunAsync(target, new GradeOptions { Track = "solutions" }, cancel: TestContext.Current.CancellationToken));
        error.Message.ShouldContain("has no solutions/ folder");
    }

    [Fact]
    public void The_export_refuses_when_solution_code_was_pasted_into_another_file()
    {
        File.WriteAllText(_course.PathOf("NOTES.md"), "The answer:\n\n    public static int Cube(int x)\n    {\n" +
            "        var result = 1;\n        for (var i = 0; i < 3; i++) result *= x;\n        return result;\n    }\n");
        CommitCourse();
        var target = Temp("leaky");

        var error = Should.Throw<GraderException>(() => StudentExport.Run(_course.Root, target));

        error.Message.ShouldContain("solution code would leak");
        error.Message.ShouldContain("NOTES.md");
        Directory.Exists(target).ShouldBeFalse("nothing is left behind");
    }

    [Fact]
    public void The_export_refuses_a_course_whose_manifest_no_longer_matches_its_tests()
    {
        var test = _course.PathOf("exercises/02-Partial/Tests/MathsTests.cs");
        File.AppendAllText(test, "\n// a test file edited after the manifest was written\n");
        CommitCourse();
        var target = Temp("stale");

        var error = Should.Throw<GraderException>(() => StudentExport.Run(_course.Root, target));

        error.Message.ShouldContain("tests-manifest.json does not match");
        error.Message.ShouldContain("exercises/02-Partial/Tests/MathsTests.cs");
        Directory.Exists(target).ShouldBeFalse("nothing is exported");
    }

    const string CubeAnswer = "    public static int Cube(int x)\n    {\n        var result = 1;\n" +
        "        for (var i = 0; i < 3; i++) result *= x;\n        return result;\n    }\n";

    [Fact]
    public void Given_code_of_another_chapter_may_reuse_an_answer_but_given_code_of_the_same_chapter_may_not()
    {
        // Chapters stand alone: a later chapter may give, as ready code, what an earlier one asks for.
        File.WriteAllText(_course.PathOf("exercises/01-Passing/Given.cs"), "namespace Fixture;\n\npublic static class Given\n{\n" + CubeAnswer + "}\n");
        CommitCourse();
        StudentExport.Run(_course.Root, Temp("given")).Files.ShouldBeGreaterThan(10);

        File.WriteAllText(_course.PathOf("exercises/02-Partial/Given.cs"), "namespace Fixture;\n\npublic static class Given\n{\n" + CubeAnswer + "}\n");
        Git.Run(_course.Root, "add", "-A");
        Git.Run(_course.Root, "commit", "-q", "-m", "a helper that gives chapter 2's answer away");
        var error = Should.Throw<GraderException>(() => StudentExport.Run(_course.Root, Temp("given-leak")));
        error.Message.ShouldContain("exercises/02-Partial/Given.cs");
    }

    [Fact]
    public async Task The_solutions_branch_replaces_each_stub_by_its_solution_and_its_tests_pass()
    {
        CommitCourse();

        var result = await SolutionsBranch.CreateAsync(_course.Root, "solutions", ["2"], null, TestContext.Current.CancellationToken);

        result.Check.Chapters.Single().Status.ShouldBe(ChapterStatus.Passed);
        Git.Run(_course.Root, "show", "solutions:exercises/02-Partial/Maths.cs")
            .ShouldContain("public static int Square(int x) => x * x;");
        Git.Run(_course.Root, "branch", "--show-current").Trim().ShouldBe("main", "the instructor's checkout is untouched");
    }

    [Fact]
    public async Task A_solutions_branch_whose_tests_fail_is_not_kept()
    {
        File.WriteAllText(_course.PathOf("solutions/02-Partial/Maths.cs"),
            File.ReadAllText(_course.PathOf("solutions/02-Partial/Maths.cs")).Replace("i < 3", "i < 2", StringComparison.Ordinal));
        CommitCourse();

        var error = await Should.ThrowAsync<GraderException>(() =>
            SolutionsBranch.CreateAsync(_course.Root, "solutions", ["2"], null, TestContext.Current.CancellationToken));

        error.Message.ShouldContain("02-Partial: Cube_of_3_is_27");
        Git.Run(_course.Root, "branch", "--list", "solutions").Trim().ShouldBeEmpty();
    }

    [Fact]
    public async Task Hidden_tests_change_the_score_and_students_see_only_that_a_hidden_test_failed()
    {
        var student = await Grading.RunAsync(_course.Root, new GradeOptions { Chapters = ["2"], ExtraTests = HiddenTests },
            cancel: TestContext.Current.CancellationToken);
        var instructor = await Grading.RunAsync(_course.Root, new GradeOptions { Chapters = ["2"], ExtraTests = HiddenTests, ShowHidden = true },
            cancel: TestContext.Current.CancellationToken);

        var ch = student.Chapters.Single();
        ch.Points.ShouldBe(1 + 2, "the hidden Twice test passes");
        ch.MaxPoints.ShouldBe(6 + 5);
        var hidden = ch.Tests.Where(t => t.Hidden).ToList();
        hidden.Count.ShouldBe(2);
        hidden.ShouldAllBe(t => t.Name.StartsWith("Hidden.Test"));
        hidden.Single(t => t.Status != TestStatus.Passed).Message.ShouldBe("hidden test failed");
        hidden.ShouldAllBe(t => t.Location == null && t.ExceptionType == null);

        instructor.Chapters.Single().Tests.Where(t => t.Hidden).Select(t => t.Method).Order()
            .ShouldBe(["Square_of_a_negative_number_is_positive", "Twice_a_negative_number"]);
        Directory.Exists(_course.PathOf("exercises/02-Partial/Tests/Hidden")).ShouldBeFalse("hidden tests go into a workspace, never the submission");
    }

    [Fact]
    public async Task A_submission_that_does_not_build_keeps_the_hidden_tests_in_its_maximum()
    {
        // The learner breaks chapter 2: no test runs, yet its maximum is the same as for one that builds.
        File.AppendAllText(_course.PathOf("exercises/02-Partial/Maths.cs"), "\nthis does not compile\n");
        var broken = await Grading.RunAsync(_course.Root, new GradeOptions { Chapters = ["2"], ExtraTests = HiddenTests, ShowHidden = true },
            cancel: TestContext.Current.CancellationToken);

        var ch = broken.Chapters.Single();
        ch.Status.ShouldBe(ChapterStatus.BuildError);
        ch.Points.ShouldBe(0);
        ch.MaxPoints.ShouldBe(6 + 5, "the hidden tests' points count when nothing builds, or a broken submission would score out of less");
        ch.Tests.Count(t => t.Hidden).ShouldBe(2);
        ch.Tests.ShouldAllBe(t => t.Status == TestStatus.NotRun);
    }
}
