using System.Text.Json;
using Katas.Grader.Model;
using Katas.Grader.Rendering;

namespace Katas.Grader.EndToEnd;

/// <summary>
/// Grades the fixture course once per test run, through the real command line (`katas grade` in its
/// own process), and keeps what it produced for the tests of <see cref="HostileSubmissionTests"/>
/// (an assembly fixture: every test class may share it).
/// </summary>
public sealed class GradedCourse : IAsyncLifetime
{
    public const int TimeoutSeconds = 15;

    readonly FixtureCourse _course = new("course");

    public string Root => _course.Root;
    public int ExitCode { get; private set; }
    public string Console { get; private set; } = "";
    public TimeSpan Elapsed { get; private set; }
    public GradeResult Result { get; private set; } = null!;
    public string JsonPath => _course.PathOf("out/result.json");
    public string MarkdownPath => _course.PathOf("out/summary.md");
    public string ExercismFolder => _course.PathOf("out/exercism");

    public string PathOf(string relative) => _course.PathOf(relative);

    public ChapterResult Chapter(string id) => Result.Chapters.Single(c => c.Id == id);

    /// <summary>When the grader's process ended (a child it left behind would act after that).</summary>
    public DateTimeOffset GraderExitedAt { get; private set; }

    public async ValueTask InitializeAsync()
    {
        // A stale result file must be replaced, not appended to or left half-written.
        Directory.CreateDirectory(Path.GetDirectoryName(JsonPath)!);
        await File.WriteAllTextAsync(JsonPath, "stale");

        // Chapters 1-6: 07-Banned is for the hostile battery (HostileGrading) only.
        var run = await KatasCli.RunAsync(["grade", "--repo", Root, "--timeout", $"{TimeoutSeconds}", "--json", JsonPath,
            "--markdown", MarkdownPath, "--exercism", ExercismFolder, .. Enumerable.Range(1, 6).SelectMany(n => new[] { "--chapter", $"{n}" })]);
        (ExitCode, Console, Elapsed, GraderExitedAt) = (run.ExitCode, run.Console, run.Elapsed, run.ExitedAt);
        Result = JsonResults.Read(JsonPath);
    }

    public ValueTask DisposeAsync()
    {
        _course.Dispose();
        return ValueTask.CompletedTask;
    }

    public static JsonDocument ReadJson(string path) => JsonDocument.Parse(File.ReadAllText(path));
}
