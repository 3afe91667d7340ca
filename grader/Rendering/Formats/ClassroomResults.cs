using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Katas.Grader.Model;

namespace Katas.Grader.Rendering.Formats;

/// <summary>
/// GitHub Classroom's autograding, as its actions speak it:
/// <list type="bullet">
/// <item>the runner's step output <c>result</c>: base64 of <c>{version: 1, status, max_score, tests: [{name,
/// status, score, message, test_code, filename, line_no, duration}]}</c>, the object
/// classroom-resources/autograding-command-grader (and -io-grader) build in generateResult and pass to
/// <c>core.setOutput('result', btoa(JSON.stringify(result)))</c>; the reporter
/// (classroom-resources/autograding-grading-reporter) reads it from <c>RUNNER_RESULTS</c>;</item>
/// <item>the two notice annotations of the reporter's notify-classroom.js, which Classroom reads the
/// score from: <c>::notice title=Autograding complete::Points x/y</c> and
/// <c>::notice title=Autograding report::{"totalPoints":x,"maxPoints":y}</c>, with @actions/core's
/// escaping (data: % \r \n as %25 %0D %0A; properties also : and , as %3A %2C), and none at all
/// when the maximum is 0 (notify-classroom.js returns early).</item>
/// </list>
/// Each chapter is one Classroom test worth its points (a tampered chapter 0): pass when it passed,
/// error when nothing of it was graded (build error, nothing finished, tampered), fail otherwise.
/// <c>test_code</c> is the command that grades the chapter again; <c>filename</c>/<c>line_no</c> point at
/// the first build error, or at the test to fix next (from the course's test files).
/// </summary>
public static class ClassroomResults
{
    public const int Version = 1;
    /// <summary>The step output's name (the workflow passes steps.ID.outputs.result to the reporter).</summary>
    public const string OutputName = "result";
    public const string GitHubOutputVariable = "GITHUB_OUTPUT";
    public static readonly IReadOnlyList<string> Statuses = ["pass", "fail", "error"];

    static readonly JsonSerializerOptions Compact = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public sealed record Test(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("score")] int Score,
        [property: JsonPropertyName("message")] string Message,
        [property: JsonPropertyName("test_code")] string TestCode,
        [property: JsonPropertyName("filename")] string Filename,
        [property: JsonPropertyName("line_no")] int LineNo,
        [property: JsonPropertyName("duration")] long Duration);

    public sealed record Result(
        [property: JsonPropertyName("version")] int Version,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("max_score")] int MaxScore,
        [property: JsonPropertyName("tests")] IReadOnlyList<Test> Tests);

    /// <summary>Appends <c>result=BASE64</c> to <paramref name="path"/> (a GITHUB_OUTPUT file) and writes the annotations to <paramref name="log"/>.</summary>
    public static void Write(GradeResult result, string path, TextWriter log, TestSources sources)
    {
        var payload = Build(result, sources);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.AppendAllText(full, $"{OutputName}={Encode(payload)}\n");
        foreach (var line in Annotations(payload)) log.WriteLine(line);
        log.Flush();
    }

    public static Result Build(GradeResult result, TestSources sources)
    {
        var tests = result.Chapters.Select(c => Chapter(c, sources)).ToList();
        var status = tests.All(t => t.Status == "pass") ? "pass" : tests.All(t => t.Status == "error") ? "error" : "fail";
        return new Result(Version, status, FormatRules.MaxPoints(result), tests);
    }

    /// <summary>JSON.stringify, then base64 of its UTF-8 (Node's Buffer.from(str).toString('base64')).</summary>
    public static string Json(Result payload) => JsonSerializer.Serialize(payload, Compact);

    public static string Encode(Result payload) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Json(payload)));

    /// <summary>notify-classroom.js's two notices, or none when the maximum is 0.</summary>
    public static IReadOnlyList<string> Annotations(Result payload)
    {
        // totalPoints: the sum of the tests' scores of each runner with a max_score; maxPoints: the max_scores.
        if (payload.MaxScore == 0) return [];
        var total = payload.Tests.Sum(t => t.Score);
        var max = payload.MaxScore;
        return
        [
            Notice("Autograding complete", $"Points {total}/{max}"),
            Notice("Autograding report", $"{{\"totalPoints\":{total},\"maxPoints\":{max}}}"),
        ];
    }

    /// <summary>A workflow command as @actions/core's Command.toString writes it.</summary>
    public static string Notice(string title, string message) => $"::notice title={EscapeProperty(title)}::{EscapeData(message)}";

    public static string EscapeData(string s) => s.Replace("%", "%25", StringComparison.Ordinal)
        .Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    public static string EscapeProperty(string s) => EscapeData(s)
        .Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    static Test Chapter(ChapterResult c, TestSources sources)
    {
        var error = FormatRules.NothingGraded(c);
        var counted = FormatRules.Counted(c).ToList();
        var status = error ? "error" : counted.All(t => t.Status == TestStatus.Passed) ? "pass" : "fail";
        var message = new StringBuilder();
        if (status == "pass")
            message.Append($"{counted.Count} of {counted.Count} tests passed");
        else
        {
            message.Append(FormatRules.ChapterSummary(c, maxBuildErrors: 10));
            if (!error)
                foreach (var t in sources.InFileOrder(c, counted.Where(t => t.Status != TestStatus.Passed)))
                    message.Append($"\n- {FormatRules.Name(t)} ({Words.Label(t.Status)}): {Words.Brief(t.Message, 300)}");
        }
        var skipped = c.Tests.Count(t => t.Status == TestStatus.Skipped);
        if (skipped > 0) message.Append($"\n{skipped} test(s) not counted on this machine ({c.SkippedPoints} points)");

        var (file, line) = ("", 0);
        if (c.BuildErrors.Count > 0) (file, line) = (c.BuildErrors[0].File.Replace('\\', '/'), c.BuildErrors[0].Line);
        else if (Words.NextToFix(c) is { } next && sources.Find(c, next) is { } source) (file, line) = (source.File, source.Line);

        return new Test($"{c.Number}. {c.Title}", status, FormatRules.Points(c), message.ToString(),
            $"dotnet run --project grader -- grade --chapter {c.Number}", file, line,
            (long)Math.Round(c.DurationSeconds * 1000));
    }

    /// <summary>The GITHUB_OUTPUT file, or why there is none.</summary>
    public static string GitHubOutput(Func<string, string?>? environment = null) =>
        (environment ?? Environment.GetEnvironmentVariable)(GitHubOutputVariable) is { Length: > 0 } file ? file
            : throw new GraderException($"--format classroom: {GitHubOutputVariable} is not set (this is not a GitHub Actions step), so there is " +
                                        "no step output to write the result to: pass classroom=FILE to append the line result=BASE64 to FILE.");
}
