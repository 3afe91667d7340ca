using System.Text.Json.Serialization;

namespace Katas.Grader.Model;

/// <summary>What happened to one test. Serialised in kebab-case ("not-implemented").</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TestStatus>))]
public enum TestStatus
{
    [JsonStringEnumMemberName("passed")] Passed,
    [JsonStringEnumMemberName("failed")] Failed,
    /// <summary>The learner's stub is still there (NotImplementedException).</summary>
    [JsonStringEnumMemberName("not-implemented")] NotImplemented,
    [JsonStringEnumMemberName("skipped")] Skipped,
    /// <summary>The chapter's time limit ran out while this test ran.</summary>
    [JsonStringEnumMemberName("timed-out")] TimedOut,
    /// <summary>The test host died while this test ran.</summary>
    [JsonStringEnumMemberName("crashed")] Crashed,
    /// <summary>Never started: the chapter did not build, or an earlier test timed out or crashed.</summary>
    [JsonStringEnumMemberName("not-run")] NotRun,
    /// <summary>Its result was forged or contradicted (a second result, xunit's own counts): worth 0.</summary>
    [JsonStringEnumMemberName("tampered")] Tampered,
}

/// <summary>What happened to one chapter as a whole.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChapterStatus>))]
public enum ChapterStatus
{
    /// <summary>Every test that ran passed.</summary>
    [JsonStringEnumMemberName("passed")] Passed,
    /// <summary>Tests ran; some did not pass.</summary>
    [JsonStringEnumMemberName("failed")] Failed,
    /// <summary>Tests ran and every one still hits a stub.</summary>
    [JsonStringEnumMemberName("not-started")] NotStarted,
    [JsonStringEnumMemberName("build-error")] BuildError,
    [JsonStringEnumMemberName("crashed")] Crashed,
    [JsonStringEnumMemberName("timed-out")] TimedOut,
    /// <summary>The test process reported results that contradict each other: the forged tests score 0.</summary>
    [JsonStringEnumMemberName("tampered")] Tampered,
}

public sealed record TestResult
{
    /// <summary>Fully qualified: Namespace.Class.Method.</summary>
    public required string Name { get; init; }
    public required string Class { get; init; }
    public required string Method { get; init; }
    public required TestStatus Status { get; init; }
    public int Points { get; init; }
    public int MaxPoints { get; init; }
    /// <summary>The chapter README's step this test belongs to ([Step(n)]); null for a test without one.</summary>
    public int? Step { get; init; }
    /// <summary>Marked [GpuOnly]: on a machine without CUDA it is not counted, whatever its outcome.</summary>
    public bool GpuOnly { get; init; }
    /// <summary>The assertion or exception message, the skip reason, or why it did not run.</summary>
    public string? Message { get; init; }
    /// <summary>Exception type for failures (e.g. Shouldly.ShouldAssertException).</summary>
    public string? ExceptionType { get; init; }
    /// <summary>The first lines of the stack trace that point into the chapter's files.</summary>
    public string? Location { get; init; }
    /// <summary>What the test wrote with ITestOutputHelper.</summary>
    public string? Output { get; init; }
    public double DurationSeconds { get; init; }
    /// <summary>Hidden (instructor) tests are marked so that reports can mask them.</summary>
    public bool Hidden { get; init; }

    /// <summary>"Ns.Class.Method(args)" split into class and method (a theory row keeps its arguments in the method).</summary>
    public static (string Class, string Method) Split(string name)
    {
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        var bare = paren >= 0 ? name[..paren] : name;
        var dot = bare.LastIndexOf('.');
        return dot < 0 ? ("", name) : (bare[..dot], name[(dot + 1)..]);
    }

    /// <summary>A test that did not run, worth <paramref name="points"/>, with the reason.</summary>
    public static TestResult NotRun(string name, int points, string why)
    {
        var (cls, method) = Split(name);
        return new TestResult { Name = name, Class = cls, Method = method, Status = TestStatus.NotRun, MaxPoints = points, Message = why };
    }
}

public sealed record BuildError(string File, int Line, int Column, string Code, string Message)
{
    public override string ToString() => $"{File}({Line},{Column}): {Code}: {Message}";
}

public sealed record ChapterResult
{
    /// <summary>Folder name under exercises/, e.g. "01-SimpleClassifier".</summary>
    public required string Id { get; init; }
    public required int Number { get; init; }
    public required string Title { get; init; }
    public required ChapterStatus Status { get; init; }
    public int Points { get; init; }
    public int MaxPoints { get; init; }
    /// <summary>Points of tests that were skipped (e.g. GPU-only on a CPU machine): not in MaxPoints.</summary>
    public int SkippedPoints { get; init; }
    public double DurationSeconds { get; init; }
    /// <summary>For build errors, crashes and time-outs: what happened, in a sentence.</summary>
    public string? Message { get; init; }
    public IReadOnlyList<BuildError> BuildErrors { get; init; } = [];
    public IReadOnlyList<TestResult> Tests { get; init; } = [];
    /// <summary>Tests that ran but that the trusted manifest does not list: ignored, worth nothing.</summary>
    public IReadOnlyList<string> IgnoredTests { get; init; } = [];

    public int Count(TestStatus status) => Tests.Count(t => t.Status == status);

    /// <summary>The chapter produced no trustworthy run: it did not build, crashed, ran out of time or was tampered with.</summary>
    [JsonIgnore] public bool Broken => Status is ChapterStatus.BuildError or ChapterStatus.Crashed or ChapterStatus.TimedOut or ChapterStatus.Tampered;
}

/// <summary>Files that decide a grade and differ from the trusted manifest (grader/tests-manifest.json).</summary>
public sealed record TamperReport
{
    public bool ManifestFound { get; init; }
    public IReadOnlyList<string> Changed { get; init; } = [];
    public IReadOnlyList<string> Added { get; init; } = [];
    public IReadOnlyList<string> Deleted { get; init; } = [];
    /// <summary>Graded with the test files of a trusted copy (then the submission's tests do not matter).</summary>
    public string? TrustedTests { get; init; }

    [JsonIgnore] public bool Tampered => Changed.Count + Added.Count + Deleted.Count > 0;
}

/// <summary>The facts of the machine and the run, so that two runs can be compared.</summary>
public sealed record RunFacts
{
    public required string Track { get; init; }
    public required string Device { get; init; }
    public required string RequestedDevice { get; init; }
    public required string Backend { get; init; }
    public required string Os { get; init; }
    public required string Cpu { get; init; }
    public required int Cores { get; init; }
    public string? Gpu { get; init; }
    public bool CudaAvailable { get; init; }
    public string? TorchSharpVersion { get; init; }
    public string? LibTorchVersion { get; init; }
    public required string DotNetVersion { get; init; }
    public string? Commit { get; init; }
    /// <summary>Whether every chapter was built and run in the operating-system sandbox (bubblewrap).</summary>
    public bool Sandboxed { get; init; }
    /// <summary>Why not, when it was not.</summary>
    public string? SandboxNote { get; init; }
    public required string GraderVersion { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset FinishedAt { get; init; }
}

public sealed record Score(int Points, int MaxPoints, int SkippedPoints)
{
    public double Fraction => MaxPoints == 0 ? 0 : (double)Points / MaxPoints;
}

/// <summary>One grading run: the root of the JSON result file (schema "katas-result/1").</summary>
public sealed record GradeResult
{
    public const string SchemaId = "katas-result/1";

    [JsonPropertyName("$schema")] public string Schema { get; init; } = SchemaId;
    public required RunFacts Run { get; init; }
    public required Score Score { get; init; }
    public required TamperReport Tamper { get; init; }
    public required IReadOnlyList<ChapterResult> Chapters { get; init; }
    public double DurationSeconds { get; init; }

    public static Score Total(IEnumerable<ChapterResult> chapters)
    {
        var list = chapters.ToList();
        return new(list.Sum(c => c.Points), list.Sum(c => c.MaxPoints), list.Sum(c => c.SkippedPoints));
    }
}
