using System.Diagnostics;
using System.Text.Json;
using Katas.Grader.Model;
using Katas.Grader.Rendering;

namespace Katas.Grader.Tests;

/// <summary>
/// Grades the whole fixture course once, through the real command line (`katas grade` in its own
/// process), and keeps what it produced for the tests of <see cref="HostileSubmissionTests"/>.
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

    public ChapterResult Chapter(string id) => Result.Chapters.Single(c => c.Id == id);

    public async ValueTask InitializeAsync()
    {
        // A stale result file must be replaced, not appended to or left half-written.
        Directory.CreateDirectory(Path.GetDirectoryName(JsonPath)!);
        await File.WriteAllTextAsync(JsonPath, "stale");

        var grader = Path.Combine(AppContext.BaseDirectory, "katas.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { grader, "grade", "--repo", Root, "--timeout", $"{TimeoutSeconds}", "--json", JsonPath,
                     "--markdown", MarkdownPath, "--exercism", ExercismFolder })
            start.ArgumentList.Add(a);
        start.Environment["COLUMNS"] = "200";
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Elapsed = watch.Elapsed;
        ExitCode = process.ExitCode;
        Console = await output + await error;
        Result = JsonResults.Read(JsonPath);
    }

    public ValueTask DisposeAsync()
    {
        _course.Dispose();
        return ValueTask.CompletedTask;
    }

    public static JsonDocument ReadJson(string path) => JsonDocument.Parse(File.ReadAllText(path));
}
