using System.Text.Json;
using Katas.Grader.Model;
using Katas.Kit;

namespace Katas.Grader.Running;

/// <summary>
/// Runs a chapter's test assembly in its own process (xunit v3 test projects are programs) with
/// the JSON reporter, and turns the stream of messages into test results. Because results arrive
/// one by one, a crash or a time-out still leaves every finished test's result, and names the
/// test that was running.
/// </summary>
public static class TestHost
{
    public sealed record Outcome(IReadOnlyList<TestResult> Tests, ChapterStatus? Abnormal, string? Message, TimeSpan Duration);

    sealed class Running
    {
        public required string Name;
        public bool Hidden;
        public int Points = 1;
        public int? Step;
        public bool GpuOnly;
        public readonly System.Text.StringBuilder Output = new();
    }

    public static async Task<Outcome> RunAsync(string repo, string assembly, GradeOptions options, CancellationToken cancel,
        Action<TestResult>? onTest = null)
    {
        var results = new List<TestResult>();
        var running = new Dictionary<string, Running>();
        var sources = new Dictionary<string, string?>(); // test case -> its source file
        var finished = false;

        void OnLine(string line)
        {
            if (!line.StartsWith('{')) return; // a test that prints to stdout directly
            JsonElement m;
            try { m = JsonDocument.Parse(line).RootElement; } catch (JsonException) { return; }
            var type = Str(m, "$type");
            var id = Str(m, "TestUniqueID");
            switch (type)
            {
                case "test-case-starting" when Str(m, "TestCaseUniqueID") is { } caseId:
                    lock (sources) sources[caseId] = Str(m, "SourceFilePath");
                    break;
                case "test-starting" when id is not null:
                    string? source;
                    lock (sources) source = sources.GetValueOrDefault(Str(m, "TestCaseUniqueID") ?? "");
                    lock (running) running[id] = new Running
                    {
                        Name = Str(m, "TestDisplayName") ?? id, Points = PointsOf(m), Hidden = HiddenTests.IsHidden(source),
                        Step = StepOf(m), GpuOnly = GpuOnlyOf(m),
                    };
                    break;
                case "test-output" when id is not null:
                    lock (running) if (running.TryGetValue(id, out var r) && r.Output.Length < 16_000) r.Output.Append(Str(m, "Output"));
                    break;
                case "test-passed" or "test-failed" or "test-skipped" or "test-not-run" when id is not null:
                    Running? test;
                    lock (running) running.Remove(id, out test);
                    if (test is null) return;
                    var result = Finish(type, m, test, repo);
                    lock (results) results.Add(result);
                    onTest?.Invoke(result);
                    break;
                case "test-assembly-finished":
                    finished = true;
                    break;
            }
        }

        // "-automated sync": machine-readable messages, and each one waits for our acknowledgement,
        // so that "test-starting" is in our hands before the test runs (and maybe kills the process).
        var outcome = await ProcessRunner.RunAsync("dotnet", [assembly, "-automated", "sync", "-noAutoReporters"],
            repo, Environment(options), options.Timeout, OnLine, cancel, acknowledgeLines: true)
            .ConfigureAwait(false);

        if (finished && !outcome.TimedOut && running.Count == 0)
            return new(results, null, null, outcome.Duration);

        // Abnormal end: the test(s) still running are the culprits.
        var status = outcome.TimedOut ? TestStatus.TimedOut : TestStatus.Crashed;
        var why = outcome.TimedOut
            ? $"the chapter's tests did not finish within {options.Timeout.TotalSeconds:0} s (an endless loop? a deadlock?); the test host was stopped"
            : $"the test host died (exit code {outcome.ExitCode}){Crumb(outcome.StandardError)}";
        foreach (var (_, test) in running)
        {
            var (cls, method) = Split(test.Name);
            results.Add(new TestResult
            {
                Name = test.Name, Class = cls, Method = method, Status = status, MaxPoints = test.Points, Hidden = test.Hidden,
                Step = test.Step, GpuOnly = test.GpuOnly,
                Message = outcome.TimedOut ? "still running when the time limit was reached" : why,
                Output = test.Output.Length > 0 ? test.Output.ToString() : null,
            });
        }
        return new(results, outcome.TimedOut ? ChapterStatus.TimedOut : ChapterStatus.Crashed, why, outcome.Duration);
    }

    static Dictionary<string, string?> Environment(GradeOptions options)
    {
        var env = new Dictionary<string, string?> { [Kit.Devices.Variable] = options.Device };
        if (options.DataDirectory is { } data) env[Kit.Data.DatasetCache.DirectoryVariable] = data;
        return env;
    }

    /// <summary>A test as xunit's -list shows it, with the traits the grader reads.</summary>
    public sealed record Listed(string Name, int Points, int? Step, bool GpuOnly);

    /// <summary>All tests of an assembly with their points, without running them (xunit's -list).</summary>
    public static async Task<IReadOnlyList<(string Name, int Points)>> ListAsync(string repo, string assembly, CancellationToken cancel) =>
        (await ListTestsAsync(repo, assembly, cancel).ConfigureAwait(false)).Select(t => (t.Name, t.Points)).ToList();

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
                .Select(t => new Listed(Str(t, "DisplayName") ?? "?", PointsOf(t), StepOf(t), GpuOnlyOf(t))).ToList();
        }
        catch (JsonException) { return []; }
    }

    static TestResult Finish(string type, JsonElement m, Running test, string repo)
    {
        var (cls, method) = Split(test.Name);
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
        return new TestResult
        {
            Name = test.Name, Class = cls, Method = method, Status = status,
            Points = status == TestStatus.Passed ? test.Points : 0, MaxPoints = test.Points, Step = test.Step, GpuOnly = test.GpuOnly,
            Message = message, ExceptionType = exceptionType, Location = location,
            Output = test.Output.Length > 0 ? test.Output.ToString() : null,
            Hidden = test.Hidden,
            DurationSeconds = m.TryGetProperty("ExecutionTime", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetDouble() : 0,
        };
    }

    internal static int PointsOf(JsonElement m) =>
        m.TryGetProperty("Traits", out var traits) && traits.ValueKind == JsonValueKind.Object
        && traits.TryGetProperty("Points", out var p) && p.ValueKind == JsonValueKind.Array && p.GetArrayLength() > 0
        && int.TryParse(p[0].GetString(), out var n) && n > 0 ? n : 1;

    /// <summary>The "Step" trait ([Step(n)]), or null.</summary>
    internal static int? StepOf(JsonElement m) =>
        Trait(m, "Step") is { } s && int.TryParse(s, out var n) && n > 0 ? n : null;

    internal static bool GpuOnlyOf(JsonElement m) => Trait(m, "Device") == "cuda";

    static string? Trait(JsonElement m, string name) =>
        m.TryGetProperty("Traits", out var traits) && traits.ValueKind == JsonValueKind.Object
        && traits.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array && v.GetArrayLength() > 0 ? v[0].GetString() : null;

    // The first frame in the learner's or the test's code ("in /repo/exercises/...:line 12"), not the framework's.
    static string? LocationOf(string? stack, string repo) =>
        stack?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains(" in ", StringComparison.Ordinal)
            && l.Contains("exercises", StringComparison.Ordinal))
            ?.Replace(Path.GetFullPath(repo).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);

    static (string Class, string Method) Split(string name)
    {
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        var bare = paren >= 0 ? name[..paren] : name;
        var dot = bare.LastIndexOf('.');
        return dot < 0 ? ("", name) : (bare[..dot], name[(dot + 1)..]);
    }

    static string Crumb(string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var telling = lines.FirstOrDefault(l => l.Contains("FailFast", StringComparison.OrdinalIgnoreCase)
            || l.Contains("Fatal", StringComparison.OrdinalIgnoreCase) || l.Contains("Unhandled", StringComparison.OrdinalIgnoreCase)
            || l.Contains("Segmentation", StringComparison.OrdinalIgnoreCase) || l.Contains("Message:", StringComparison.Ordinal));
        var pick = telling ?? lines.LastOrDefault();
        return pick is null ? "" : ": " + (pick.Length > 300 ? pick[..300] + "…" : pick);
    }

    static string? Str(JsonElement m, string name) =>
        m.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    static List<string?> All(JsonElement m, string name) =>
        m.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(e => e.GetString()).ToList() : [];

    static string? First(JsonElement m, string name) =>
        m.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array && v.GetArrayLength() > 0 ? v[0].GetString() : null;
}
