using Katas.Grader.Layout;
using System.Text.Json;
using Katas.Grader.Model;
using Katas.Kit;
using Katas.Tooling;

namespace Katas.Grader.Running;

/// <summary>
/// Runs a chapter's test assembly in its own process (xunit v3 test projects are programs) with
/// the JSON reporter, and turns the stream of messages into test results. Because results arrive
/// one by one, a crash or a time-out still leaves every finished test's result, and names the
/// test that was running.
/// </summary>
public static class TestHost
{
    /// <param name="Contradictions">What the stream said that xunit could not have (see <see cref="ResultLedger"/>).</param>
    public sealed record Outcome(IReadOnlyList<TestResult> Tests, ChapterStatus? Abnormal, string? Message, TimeSpan Duration,
        IReadOnlyList<string> Contradictions);

    public static async Task<Outcome> RunAsync(string repo, string assembly, GradeOptions options, CancellationToken cancel,
        Action<TestResult>? onTest = null)
    {
        // A fresh key per run: the test program signs every message with it (eng/GradedEntryPoint.cs),
        // and reads it from its standard input before any test runs.
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var stream = new ResultLedger { Key = key, OnResult = test => onTest?.Invoke(Finish(test, repo)) };

        // "-automated sync": machine-readable messages, and each one waits for our acknowledgement,
        // so that "test-starting" is in our hands before the test runs (and maybe kills the process).
        // The chapter's whole process group (sandboxed: its PID namespace) is killed when the test
        // host ends, so nothing it started can write anything after we have read the results.
        var outcome = await ProcessRunner.RunAsync("dotnet", [assembly, "-automated", "sync", "-noAutoReporters"],
            repo, Environment(options), options.Timeout, stream.Read, cancel, acknowledgeLines: true, ownProcessGroup: true,
            firstInput: Convert.ToHexStringLower(key), sandbox: options.Sandbox == SandboxMode.Required ? TestSandbox(repo, options) : null)
            .ConfigureAwait(false);

        var results = stream.Tests.Where(t => t.Result is not null).Select(t => Finish(t, repo)).ToList();
        var running = stream.Running;
        if (stream.Finished is not null && !outcome.TimedOut && running.Count == 0)
        {
            // The summary came; so must the runner's own last word, and then a clean exit. Anything
            // else means code ran after the tests and ended the process its own way.
            if (stream.Ended is not null && outcome.ExitCode == 0) return new(results, null, null, outcome.Duration, stream.Contradictions);
            var how = stream.Ended is null ? $"the test runner never finished (exit code {outcome.ExitCode}){Crumb(outcome.StandardError)}"
                : $"the test process ended with exit code {outcome.ExitCode} after its tests had finished{Crumb(outcome.StandardError)}";
            return new(results, ChapterStatus.Tampered, $"{how}: something ended it after the summary, so the results are not trusted",
                outcome.Duration, [.. stream.Contradictions, how]);
        }

        // Abnormal end: the test(s) still running are the culprits.
        var status = outcome.TimedOut ? TestStatus.TimedOut : TestStatus.Crashed;
        var why = outcome.TimedOut
            ? $"the chapter's tests did not finish within {options.Timeout.TotalSeconds:0} s (an endless loop? a deadlock?); the test host was stopped"
            : $"the test host died (exit code {outcome.ExitCode}){Crumb(outcome.StandardError)}";
        foreach (var test in running)
        {
            var (cls, method) = TestResult.Split(test.Name);
            results.Add(new TestResult
            {
                Name = test.Name, Class = cls, Method = method, Status = status, MaxPoints = test.ReportedPoints,
                Hidden = HiddenTests.IsHidden(test.SourceFile), Step = test.Step, GpuOnly = test.GpuOnly,
                Message = outcome.TimedOut ? "still running when the time limit was reached" : why,
                Output = test.Output.Length > 0 ? test.Output.ToString() : null,
            });
        }
        return new(results, outcome.TimedOut ? ChapterStatus.TimedOut : ChapterStatus.Crashed, why, outcome.Duration, stream.Contradictions);
    }

    static Dictionary<string, string?> Environment(GradeOptions options)
    {
        var env = new Dictionary<string, string?> { [Kit.Variables.Device] = options.Device, [SignedResults] = "1" };
        if (options.DataDirectory is { } data) env[Kit.Data.DatasetCache.DirectoryVariable] = data;
        return env;
    }

    /// <summary>Tells the test program to read its key and sign its messages (eng/GradedEntryPoint.cs).</summary>
    const string SignedResults = "KATAS_SIGNED_RESULTS";

    /// <summary>
    /// What a sandboxed test run sees: the workspace and the dataset cache read-only (its build
    /// outputs too: no chapter can change another's assemblies), out/ writable for its pictures,
    /// a private /tmp, and nothing of solutions/ unless they are what is graded.
    /// </summary>
    static SandboxSpec TestSandbox(string repo, GradeOptions options)
    {
        var output = Course.Unchecked(repo).Out;
        Directory.CreateDirectory(output);
        var data = Grading.DataDirectory(options, repo);
        return new SandboxSpec
        {
            ReadOnly = Directory.Exists(data) ? [repo, data] : [repo],
            Writable = [output],
            Hidden = options.Track == GradeOptions.SolutionsTrack ? [] : [Course.Unchecked(repo).Solutions],
            Environment = Environment(options).Where(e => e.Value is not null).ToDictionary(e => e.Key, e => e.Value!)
                .Append(new(Kit.Data.DatasetCache.DirectoryVariable, data))
                // No network in here: a dataset the grader could not fetch fails at once, with a path that says why.
                .Append(new(Kit.Data.DatasetCache.MirrorVariable, "/the-sandbox-has-no-network:-the-grader-could-not-fetch-this-dataset"))
                .DistinctBy(e => e.Key).ToDictionary(),
            Gpu = options.Device != "cpu",
        };
    }

    /// <summary>A test as xunit's -list shows it, with the traits the grader reads.</summary>
    public sealed record Listed(string Name, int Points, int? Step, bool GpuOnly);

    /// <summary>All tests of an assembly with their points, steps and devices, without running them.</summary>
    public static async Task<IReadOnlyList<Listed>> ListTestsAsync(string repo, string assembly, CancellationToken cancel)
    {
        var json = new System.Text.StringBuilder();
        var outcome = await ProcessRunner.RunAsync("dotnet", [assembly, "-list", "full/json", "-noColor"], repo, null,
            TimeSpan.FromSeconds(60), line => json.AppendLine(line), cancel).ConfigureAwait(false);
        if (outcome.ExitCode != 0 || outcome.TimedOut) return [];
        try
        {
            var start = json.ToString().IndexOf('[', StringComparison.Ordinal);
            if (start < 0) return [];
            return JsonDocument.Parse(json.ToString()[start..]).RootElement.EnumerateArray()
                .Select(t => new Listed(Str(t, "DisplayName") ?? "?", ResultLedger.PointsOf(t), ResultLedger.StepOf(t), ResultLedger.GpuOnlyOf(t))).ToList();
        }
        catch (JsonException) { return []; }
    }

    static TestResult Finish(ResultLedger.Test test, string repo)
    {
        var (type, m) = test.Result!.Value;
        var (cls, method) = TestResult.Split(test.Name);
        var status = TestStatus.Passed;
        string? message = null, exceptionType = null, location = null;
        switch (type)
        {
            case "test-failed":
                // A stub's exception may arrive wrapped (a static constructor, a Lazy, a Task):
                // any NotImplementedException in the chain means "not implemented yet".
                var types = All(m, "ExceptionTypes");
                var messages = All(m, "Messages");
                var stub = types.IndexOf("System.NotImplementedException");
                var pick = stub >= 0 ? stub : 0;
                exceptionType = types.ElementAtOrDefault(pick);
                message = messages.ElementAtOrDefault(pick);
                location = LocationOf(First(m, "StackTraces"), repo);
                status = stub >= 0 ? TestStatus.NotImplemented : TestStatus.Failed;
                break;
            case "test-skipped":
                status = TestStatus.Skipped;
                message = Str(m, "Reason");
                break;
            case "test-not-run":
                status = TestStatus.NotRun;
                message = "not run";
                break;
        }
        if (test.Forged)
        {
            status = TestStatus.Tampered;
            message = "its result was forged: the test process reported results for it that contradict each other";
        }
        return new TestResult
        {
            Name = test.Name, Class = cls, Method = method, Status = status,
            Points = status == TestStatus.Passed ? test.ReportedPoints : 0, MaxPoints = test.ReportedPoints, Step = test.Step, GpuOnly = test.GpuOnly,
            Message = message, ExceptionType = exceptionType, Location = location,
            Output = test.Output.Length > 0 ? test.Output.ToString() : null,
            Hidden = HiddenTests.IsHidden(test.SourceFile),
            DurationSeconds = m.TryGetProperty("ExecutionTime", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetDouble() : 0,
        };
    }

    // The first frame in the learner's or the test's code ("in /repo/exercises/...:line 12"), not the framework's.
    static string? LocationOf(string? stack, string repo) =>
        stack?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains(" in ", StringComparison.Ordinal)
            && l.Contains(Course.ExercisesFolder, StringComparison.Ordinal))
            ?.Replace(Path.GetFullPath(repo).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);

    static string Crumb(string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var telling = lines.FirstOrDefault(l => l.Contains("FailFast", StringComparison.OrdinalIgnoreCase)
            || l.Contains("Fatal", StringComparison.OrdinalIgnoreCase) || l.Contains("Unhandled", StringComparison.OrdinalIgnoreCase)
            || l.Contains("Segmentation", StringComparison.OrdinalIgnoreCase) || l.Contains("Message:", StringComparison.Ordinal));
        var pick = telling ?? lines.LastOrDefault();
        return pick is null ? "" : ": " + (pick.Length > 300 ? pick[..300] + "…" : pick);
    }

    static string? Str(JsonElement m, string name) => ResultLedger.Str(m, name);

    // Strings only: a forged message may put anything in these arrays.
    static List<string?> All(JsonElement m, string name) =>
        m.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : null).ToList() : [];

    static string? First(JsonElement m, string name) => All(m, name).FirstOrDefault();
}
