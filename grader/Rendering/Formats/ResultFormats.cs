using Katas.Tooling;
using Katas.Grader.Layout;
using Katas.Grader.Integrity;
using Katas.Grader.Model;

namespace Katas.Grader.Rendering.Formats;

/// <summary>
/// One form a grading result can be written in (`katas grade --format NAME[=PATH]`). A format only
/// renders: it gets the finished result and writes text, to <paramref name="path"/> or to the log.
/// </summary>
public abstract class ResultFormat
{
    /// <summary>What `--format` calls it: json, markdown, exercism, classroom, gradescope, prairielearn.</summary>
    public abstract string Name { get; }
    /// <summary>Where it goes when `--format NAME` names no path (relative to the current folder).</summary>
    public abstract string DefaultPath { get; }
    public abstract string Description { get; }
    /// <summary>Where the spec of its file lives.</summary>
    public virtual string? Spec => null;
    /// <summary>
    /// The path when `--format NAME` names none: <see cref="DefaultPath"/>, or what it stands for
    /// (classroom's $GITHUB_OUTPUT). Throws a <see cref="GraderException"/> saying what to pass when there is none.
    /// </summary>
    public virtual string ResolveDefaultPath() => DefaultPath;
    /// <summary>Writes the result. <paramref name="log"/> is the console (platforms that read the run's log, like Classroom's annotations).</summary>
    public abstract void Write(GradeResult result, string path, TextWriter log);
}

/// <summary>A format and where it is written.</summary>
public sealed record FormatRequest(ResultFormat Format, string Path);

/// <summary>The formats `katas grade --format` knows, and the parsing of its values.</summary>
public static class ResultFormats
{
    public static IReadOnlyList<ResultFormat> All { get; } = Create(null);

    /// <summary>
    /// The formats, those that show a test's code or place reading it from <paramref name="courseRoot"/>'s
    /// test files (a run with trusted tests reads the trusted copy's; null: the course around the current folder).
    /// </summary>
    public static IReadOnlyList<ResultFormat> Create(string? courseRoot) =>
    [
        new JsonFormat(), new MarkdownFormat(), new ExercismFormat(courseRoot),
        new GradescopeFormat(courseRoot), new PrairieLearnFormat(courseRoot), new ClassroomFormat(courseRoot),
    ];

    /// <summary>"console" is always shown; it is accepted so that a list can name it.</summary>
    public const string Console = "console";

    /// <summary>Parses `NAME[=PATH]` values, each possibly a comma-separated list of names.</summary>
    public static IReadOnlyList<FormatRequest> Parse(IEnumerable<string> values, string? courseRoot = null)
    {
        var all = courseRoot is null ? All : Create(courseRoot);
        var requests = new List<FormatRequest>();
        foreach (var value in values)
        {
            var (names, path) = value.IndexOf('=') is var eq and >= 0 ? (value[..eq], value[(eq + 1)..]) : (value, null);
            var list = names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (path is not null && list.Length != 1)
                throw new GraderException($"--format {value}: a path goes with one format (NAME=PATH).");
            foreach (var name in list)
            {
                if (name == Console) continue;
                var format = all.FirstOrDefault(f => f.Name == name)
                    ?? throw new GraderException($"--format {name}: unknown; use {string.Join(", ", All.Select(f => f.Name).Prepend(Console))}.");
                if (path is "") throw new GraderException($"--format {value}: the path after '=' is empty.");
                requests.Add(new FormatRequest(format, path ?? format.ResolveDefaultPath()));
            }
        }
        var twice = requests.GroupBy(r => Path.GetFullPath(r.Path)).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new GraderException($"--format: {string.Join(" and ", twice.Select(r => r.Format.Name))} would both write {twice.Key}.");
        return requests;
    }

    public static void WriteAll(IEnumerable<FormatRequest> requests, GradeResult result, TextWriter log)
    {
        foreach (var r in requests) r.Format.Write(result, r.Path, log);
    }
}

sealed class JsonFormat : ResultFormat
{
    public override string Name => "json";
    public override string DefaultPath => "katas-result.json";
    public override string Description => "the katas' own result file (schema katas-result/1, docs/grader.md)";
    public override void Write(GradeResult result, string path, TextWriter log) => JsonResults.Write(result, path);
}

sealed class MarkdownFormat : ResultFormat
{
    public override string Name => "markdown";
    public override string DefaultPath => "katas-summary.md";
    public override string Description => "a Markdown summary (GitHub job summary, pull-request comment)";
    public override void Write(GradeResult result, string path, TextWriter log) => AtomicFile.WriteAllText(path, MarkdownReport.Render(result));
}

/// <summary>A platform's default file: its own place where that place exists (in its container), else NAME-results.json here.</summary>
static class PlatformPaths
{
    public static string Default(string platformPath, string local) =>
        Directory.Exists(Path.GetDirectoryName(Path.GetDirectoryName(platformPath))) ? platformPath : local;
}

sealed class ExercismFormat(string? courseRoot) : ResultFormat
{
    public override string Name => "exercism";
    public override string DefaultPath => "exercism";
    public override string Description => "Exercism's test-runner results.json (version 3): DIR/CHAPTER/results.json, or one FILE.json for one chapter";
    public override string Spec => "https://exercism.org/docs/building/tooling/test-runners/interface";
    public override void Write(GradeResult result, string path, TextWriter log) =>
        ExercismResults.Write(result, path, TestSources.For(result, courseRoot));
}

sealed class GradescopeFormat(string? courseRoot) : ResultFormat
{
    public override string Name => "gradescope";
    public override string DefaultPath => PlatformPaths.Default(GradescopeResults.PlatformPath, "gradescope-results.json");
    public override string Description => "Gradescope's autograder results.json (default /autograder/results/results.json in its container)";
    public override string Spec => "https://gradescope-autograders.readthedocs.io/en/latest/specs/";
    public override void Write(GradeResult result, string path, TextWriter log) =>
        GradescopeResults.Write(result, path, TestSources.For(result, courseRoot));
}

sealed class PrairieLearnFormat(string? courseRoot) : ResultFormat
{
    public override string Name => "prairielearn";
    public override string DefaultPath => PlatformPaths.Default(PrairieLearnResults.PlatformPath, "prairielearn-results.json");
    public override string Description => "PrairieLearn's external-grader results.json (default /grade/results/results.json in its container)";
    public override string Spec => "https://prairielearn.readthedocs.io/en/latest/externalGrading/#grading-results";
    public override void Write(GradeResult result, string path, TextWriter log) =>
        PrairieLearnResults.Write(result, path, TestSources.For(result, courseRoot));
}

sealed class ClassroomFormat(string? courseRoot) : ResultFormat
{
    public override string Name => "classroom";
    public override string DefaultPath => "$" + ClassroomResults.GitHubOutputVariable;
    public override string Description => "GitHub Classroom: the step output result=BASE64 (appended to $GITHUB_OUTPUT) and the reporter's two notice annotations";
    public override string Spec => "https://github.com/classroom-resources/autograding-grading-reporter";
    public override string ResolveDefaultPath() => ClassroomResults.GitHubOutput();
    public override void Write(GradeResult result, string path, TextWriter log) =>
        ClassroomResults.Write(result, path == DefaultPath ? ClassroomResults.GitHubOutput() : path, log, TestSources.For(result, courseRoot));
}
