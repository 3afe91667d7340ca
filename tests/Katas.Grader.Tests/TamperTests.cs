using Katas.Grader.Integrity;
using Katas.Grader.Model;

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

    // Grading with --trusted-tests against an edited test and a regenerated manifest: HostileGradingTests.
}
