namespace Katas.Grader.Running;

/// <summary>Whether chapters build and run in the operating-system sandbox (<see cref="Katas.Tooling.Sandbox"/>).</summary>
public enum SandboxMode
{
    /// <summary>Sandboxed where the machine can (bubblewrap); otherwise graded as before, and the result says so. A learner's own code.</summary>
    Auto,
    /// <summary>Sandboxed, or not graded at all: code that is not the grader's own (--trusted-tests, grade-many).</summary>
    Required,
    /// <summary>Never sandboxed (--unsandboxed): the instructor's explicit choice.</summary>
    Off,
}

/// <summary>What a grading run should do. Defaults are the learner's: their own code, on the CPU... or GPU if asked.</summary>
public sealed record GradeOptions
{
    /// <summary>exercises (the learner's files) or solutions.</summary>
    public string Track { get; init; } = ExercisesTrack;
    /// <summary>cpu, cuda or auto: passed to the tests as KATAS_DEVICE.</summary>
    public string Device { get; init; } = "cpu";
    /// <summary>The TorchBackend the chapters are built with (cpu, cuda, external).</summary>
    public string Backend { get; init; } = Environment.GetEnvironmentVariable("TorchBackend") is { Length: > 0 } b ? b : "cpu";
    /// <summary>Chapter numbers or ids; empty means all.</summary>
    public IReadOnlyCollection<string> Chapters { get; init; } = [];
    /// <summary>Time limit for one chapter's tests.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(300);
    public TimeSpan BuildTimeout { get; init; } = TimeSpan.FromSeconds(600);
    /// <summary>A trusted copy of the repository whose tests (and build files) replace the submission's.</summary>
    public string? TrustedTests { get; init; }

    /// <summary>An instructor's hidden tests (DIR/&lt;chapter id&gt;/*.cs), compiled in at grading time.</summary>
    public string? ExtraTests { get; init; }
    /// <summary>The workspace already holds the instructor's hidden tests (grade-many copies them into its course once): grade them.</summary>
    public bool HiddenTestsInWorkspace { get; init; }
    /// <summary>Show hidden tests' names and messages (the instructor's view).</summary>
    public bool ShowHidden { get; init; }

    /// <summary>The dataset cache the tests use (KATAS_DATA_DIR); null: the graded repository's own.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Whether to sandbox; <see cref="Grading"/> makes Auto Required for a run with trusted tests.</summary>
    public SandboxMode Sandbox { get; init; } = SandboxMode.Auto;

    /// <summary>Chapters of the submission the workspace refused to copy (chapter id -> why): graded as tampered.</summary>
    public IReadOnlyDictionary<string, string> Refused { get; init; } = new Dictionary<string, string>();

    /// <summary>The tracks: the learner's files, or the reference solutions in their place (named after their folders).</summary>
    public const string ExercisesTrack = "exercises", SolutionsTrack = "solutions";
    public static readonly string[] Tracks = [ExercisesTrack, SolutionsTrack];
    public static readonly string[] Devices = ["cpu", "cuda", "auto"];


    public void Validate()
    {
        if (!Tracks.Contains(Track)) throw new GraderException($"--track {Track}: use exercises or solutions.");
        if (!Devices.Contains(Device)) throw new GraderException($"--device {Device}: use cpu, cuda or auto.");
        if (Timeout <= TimeSpan.Zero) throw new GraderException("--timeout must be a positive number of seconds.");
    }
}
