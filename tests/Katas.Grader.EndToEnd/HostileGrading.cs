using Katas.Grader.Integrity;
using Katas.Grader.Model;
using Katas.Grader.Rendering;

namespace Katas.Grader.EndToEnd;

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
        // The attacker knows where the trusted course and the submission are (the grader's command line says so).
        Outside.Aim(_submission.Root, _trusted.Root, victim: _submission.Root);
        // The learner regenerates "their" manifest: the hashes of their edited files, and inflated points.
        var own = TestManifest.Load(_submission.Root)!;
        own.Tests["02-Partial"]["Fixture.Tests.MathsTests.Cube_of_3_is_27"] = 300;
        (own with { Files = TestManifest.HashAll(_submission.Root) }).Save(_submission.Root);
        // A learner file that is a link to the course's reference solution: refused, never copied as its target.
        var broken = Path.Combine(_submission.Root, "exercises", "05-BuildError", "Broken.cs");
        File.Delete(broken);
        File.CreateSymbolicLink(broken, Path.Combine(_trusted.Root, "solutions", "02-Partial", "Maths.cs"));

        var run = await KatasCli.RunAsync("grade", "--repo", _submission.Root, "--trusted-tests", _trusted.Root,
            "--chapter", "1", "--chapter", "2", "--chapter", "5", "--chapter", "7", "--chapter", "8", "--timeout", "60",
            "--json", JsonPath, "--markdown", MarkdownPath, "--exercism", ExercismFolder);
        (ExitCode, Console) = (run.ExitCode, run.Console);
        Result = JsonResults.Read(JsonPath);
    }

    /// <summary>Fixtures/hostile's Outside.cs, aimed at real folders: what its probes got, and whether anything was planted.</summary>
    public static class Outside
    {
        public const string File = "exercises/02-Partial/Outside.cs";

        public static void Aim(string submission, string trusted, string victim)
        {
            var path = Path.Combine(submission, File);
            System.IO.File.WriteAllText(path, System.IO.File.ReadAllText(Path.Combine(Overlay, File))
                .Replace("@TRUSTED@", trusted, StringComparison.Ordinal).Replace("@VICTIM@", victim, StringComparison.Ordinal));
        }

        /// <summary>The probes' lines ("outside: what: got") in a test's output.</summary>
        public static IReadOnlyList<string> Lines(string? output) =>
            (output ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("outside: ", StringComparison.Ordinal)).ToList();

        /// <summary>Checks that the probes ran, got nothing and planted nothing.</summary>
        public static void ShouldHaveGotNothing(string? output, string trusted, string victim)
        {
            var lines = Lines(output);
            lines.Count.ShouldBe(7, output);
            lines.ShouldAllBe(l => !l.Contains(": GOT ", StringComparison.Ordinal), "nothing outside the workspace is readable or writable");
            System.IO.File.ReadAllText(Path.Combine(trusted, "exercises/02-Partial/Tests/MathsTests.cs"))
                .ShouldBe(System.IO.File.ReadAllText(Path.Combine(FixtureCourse.Source, "exercises/02-Partial/Tests/MathsTests.cs")));
            System.IO.File.Exists(Path.Combine(victim, "exercises/02-Partial/Planted.cs")).ShouldBeFalse();
            System.IO.File.Exists("/root/planted-by-a-submission").ShouldBeFalse();
        }
    }

    public ValueTask DisposeAsync()
    {
        _trusted.Dispose();
        _submission.Dispose();
        return ValueTask.CompletedTask;
    }
}
