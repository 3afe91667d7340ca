using Katas.Grader.Integrity;
using Katas.Grader.Model;
using Katas.Grader.Running;

namespace Katas.Grader.Tests;

public sealed class TamperTests : IDisposable
{
    readonly FixtureCourse _course = new("tamper");

    public void Dispose() => _course.Dispose();

    TestManifest Pristine() => new(TestManifest.SchemaId, TestManifest.HashAll(_course.Root), []);

    [Fact]
    public void The_manifest_protects_tests_and_project_files_but_not_the_learners_code()
    {
        var files = TestManifest.HashAll(_course.Root).Keys;

        files.ShouldContain("exercises/02-Partial/Tests/MathsTests.cs");
        files.ShouldContain("exercises/02-Partial/FixturePartial.csproj");
        files.ShouldNotContain("exercises/02-Partial/Maths.cs", "the learner's own file may change");
    }

    [Fact]
    public void Changed_added_and_deleted_test_files_are_each_reported()
    {
        var manifest = Pristine();
        File.AppendAllText(_course.PathOf("exercises/02-Partial/Tests/MathsTests.cs"), "// an edit\n");
        File.WriteAllText(_course.PathOf("exercises/02-Partial/Tests/Extra.cs"), "namespace Fixture.Tests;\n");
        File.Delete(_course.PathOf("exercises/01-Passing/Tests/AdderTests.cs"));

        var report = manifest.Compare(_course.Root);

        report.Tampered.ShouldBeTrue();
        report.Changed.ShouldBe(["exercises/02-Partial/Tests/MathsTests.cs"]);
        report.Added.ShouldBe(["exercises/02-Partial/Tests/Extra.cs"]);
        report.Deleted.ShouldBe(["exercises/01-Passing/Tests/AdderTests.cs"]);
    }

    [Fact]
    public void Windows_line_endings_alone_are_not_tampering()
    {
        var manifest = Pristine();
        var path = _course.PathOf("exercises/02-Partial/Tests/MathsTests.cs");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\n", "\r\n", StringComparison.Ordinal));

        manifest.Compare(_course.Root).Tampered.ShouldBeFalse();
    }

    [Fact]
    public async Task Trusted_tests_replace_an_edited_test_and_the_edit_is_still_reported()
    {
        // The "learner" weakens the test their code fails, and commits a manifest of the original.
        Pristine().Save(_course.Root);
        var trusted = new FixtureCourse("trusted");
        try
        {
            var test = _course.PathOf("exercises/02-Partial/Tests/MathsTests.cs");
            File.WriteAllText(test, File.ReadAllText(test).Replace("ShouldBe(27, \"a cube is x * x * x\")", "ShouldBe(9)", StringComparison.Ordinal));

            var own = await Grading.RunAsync(_course.Root, new GradeOptions { Chapters = ["2"] }, cancel: TestContext.Current.CancellationToken);
            var withTrusted = await Grading.RunAsync(_course.Root, new GradeOptions { Chapters = ["2"], TrustedTests = trusted.Root },
                cancel: TestContext.Current.CancellationToken);

            own.Tamper.Changed.ShouldBe(["exercises/02-Partial/Tests/MathsTests.cs"]);
            own.Chapters[0].Tests.Single(t => t.Method == "Cube_of_3_is_27").Status.ShouldBe(TestStatus.Passed, "the weakened test passes");
            withTrusted.Tamper.Changed.ShouldBe(["exercises/02-Partial/Tests/MathsTests.cs"], "tampering is reported either way");
            withTrusted.Tamper.TrustedTests.ShouldBe(trusted.Root);
            withTrusted.Chapters[0].Tests.Single(t => t.Method == "Cube_of_3_is_27").Status.ShouldBe(TestStatus.Failed, "the trusted test still fails the wrong code");
            withTrusted.Chapters[0].Points.ShouldBe(1, "the learner's real code is graded: Twice passes, Square and Cube do not");
        }
        finally
        {
            trusted.Dispose();
        }
    }
}
