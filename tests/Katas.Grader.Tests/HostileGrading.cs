using Katas.Grader.Integrity;
using Katas.Grader.Model;
using Katas.Grader.Rendering;

namespace Katas.Grader.Tests;

/// <summary>
/// The hostile submission (Fixtures/hostile laid over a copy of the course, plus a "regenerated"
/// manifest of its own) graded once per test run against the trusted course with
/// `katas grade --trusted-tests`, as CI grades a pull request. Three chapters, three builds.
/// </summary>
public sealed class HostileGrading : IAsyncLifetime
{
    readonly FixtureCourse _trusted = new("trusted");
    readonly FixtureCourse _submission = new("hostile");

    public static string Overlay => Path.Combine(FixtureCourse.Repo, "tests", "Katas.Grader.Tests", "Fixtures", "hostile");

    public string TrustedRoot => _trusted.Root;
    public string SubmissionRoot => _submission.Root;
    public string Console { get; private set; } = "";
    public int ExitCode { get; private set; }
    public GradeResult Result { get; private set; } = null!;
    public string Out => Path.Combine(_trusted.Root, "out-hostile");
    public string JsonPath => Path.Combine(Out, "result.json");
    public string MarkdownPath => Path.Combine(Out, "summary.md");
    public string ExercismFolder => Path.Combine(Out, "exercism");

    public ChapterResult Chapter(string id) => Result.Chapters.Single(c => c.Id == id);

    public async ValueTask InitializeAsync()
    {
        FixtureCourse.Copy(Overlay, _submission.Root);
        // The learner regenerates "their" manifest: the hashes of their edited files, and inflated points.
        var own = TestManifest.Load(_submission.Root)!;
        own.Tests["02-Partial"]["Fixture.Tests.MathsTests.Cube_of_3_is_27"] = 300;
        (own with { Files = TestManifest.HashAll(_submission.Root) }).Save(_submission.Root);
        // A learner file that is a link to the course's reference solution: refused, never copied as its target.
        var broken = Path.Combine(_submission.Root, "exercises", "05-BuildError", "Broken.cs");
        File.Delete(broken);
        File.CreateSymbolicLink(broken, Path.Combine(_trusted.Root, "solutions", "02-Partial", "Maths.cs"));

        var run = await KatasCli.RunAsync("grade", "--repo", _submission.Root, "--trusted-tests", _trusted.Root,
            "--chapter", "1", "--chapter", "2", "--chapter", "5", "--chapter", "7", "--timeout", "60",
            "--json", JsonPath, "--markdown", MarkdownPath, "--exercism", ExercismFolder);
        (ExitCode, Console) = (run.ExitCode, run.Console);
        Result = JsonResults.Read(JsonPath);
    }

    public ValueTask DisposeAsync()
    {
        _trusted.Dispose();
        _submission.Dispose();
        return ValueTask.CompletedTask;
    }
}
