using Katas.Grader.Layout;
using System.Text.Json;

namespace Katas.Grader.Running;

/// <summary>
/// Reads xunit v3's "-automated" messages (one JSON object a line) and keeps what each test did,
/// checking that the stream is one xunit could have written. The stream is the test process's
/// standard output, which the graded code shares, so a line may be forged; forgeries that do not
/// rewrite the whole stream contradict it, and each contradiction is recorded:
/// <list type="bullet">
/// <item>a second result (passed, failed, skipped, not run) for the same test;</item>
/// <item>a result for a test that never started, or a second test of the same name;</item>
/// <item>more passes than xunit's own summary (<c>test-assembly-finished</c>) counts;</item>
/// <item>messages after that summary, or a second summary.</item>
/// </list>
/// Never throws on what the process wrote: an unreadable message is ignored (xunit writes none).
/// </summary>
public sealed class ResultLedger
{
    /// <summary>A test that started, and what the stream said about it.</summary>
    public sealed class Test
    {
        public required string Id { get; init; }
        public required string Name { get; init; }
        public string? SourceFile { get; init; }
        /// <summary>The "Points" trait as the process reported it (the manifest's points win).</summary>
        public int ReportedPoints { get; init; } = 1;
        public int? Step { get; init; }
        public bool GpuOnly { get; init; }
        public System.Text.StringBuilder Output { get; } = new();
        /// <summary>The first result message (type and the message itself); null while it runs.</summary>
        public (string Type, JsonElement Message)? Result { get; set; }
        public bool Forged { get; set; }
    }

    /// <summary>xunit's own summary: how many tests it ran, and how many did not pass.</summary>
    public sealed record Summary(int Total, int Failed, int Skipped, int NotRun)
    {
        public int Passed => Total - Failed - Skipped - NotRun;
    }

    readonly object _gate = new();
    readonly Dictionary<string, Test> _tests = new(StringComparer.Ordinal);
    readonly List<Test> _order = [];
    readonly Dictionary<string, string?> _sources = new(StringComparer.Ordinal); // test case -> its source file
    readonly List<string> _contradictions = [];

    /// <summary>Called with a test as soon as its (first) result arrives.</summary>
    public Action<Test>? OnResult { get; init; }

    public Summary? Finished { get; private set; }

    /// <summary>What contradicts the stream, in the order found; empty for an honest run.</summary>
    public IReadOnlyList<string> Contradictions { get { lock (_gate) return [.. _contradictions]; } }

    public IReadOnlyList<Test> Tests { get { lock (_gate) return [.. _order]; } }

    /// <summary>The tests that started and have no result (the culprits of a crash or a time-out).</summary>
    public IReadOnlyList<Test> Running { get { lock (_gate) return _order.Where(t => t.Result is null).ToList(); } }

    /// <summary>
    /// The run's key: when set, only lines signed with it ("katas1 SEQ MAC JSON", eng/GradedEntryPoint.cs),
    /// in sequence, are messages; any other message-like line is a forgery.
    /// </summary>
    public byte[]? Key { get; init; }

    long _sequence;

    /// <summary>The runner's last signed word (its exit code), once it came.</summary>
    public int? Ended { get; private set; }

    public void Read(string line)
    {
        if (Key is not null && !Verify(ref line)) return;
        if (!line.StartsWith('{')) return; // what a test prints to stdout directly
        JsonElement m;
        try { m = JsonDocument.Parse(line).RootElement.Clone(); } catch (JsonException) { return; }
        if (m.ValueKind != JsonValueKind.Object) return;
        Test? finished = null;
        lock (_gate) finished = Apply(m);
        if (finished is not null) OnResult?.Invoke(finished);
    }

    /// <summary>Strips a valid signature off the line; false (and a contradiction, for a message-like line) otherwise.</summary>
    bool Verify(ref string line)
    {
        var parts = line.Split(' ', 4);
        lock (_gate)
        {
            if (parts.Length == 4 && parts[0] == "katas1" && long.TryParse(parts[1], System.Globalization.NumberStyles.None, null, out var seq))
            {
                using var hmac = new System.Security.Cryptography.HMACSHA256(Key!);
                var mac = Convert.ToHexStringLower(hmac.ComputeHash(System.Text.Encoding.UTF8.GetBytes($"{parts[1]} {parts[3]}")));
                if (System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                        System.Text.Encoding.ASCII.GetBytes(mac), System.Text.Encoding.ASCII.GetBytes(parts[2])) && seq == _sequence)
                {
                    _sequence++;
                    line = parts[3];
                    return true;
                }
            }
            if (line.Contains('{', StringComparison.Ordinal) || line.StartsWith("katas1", StringComparison.Ordinal))
                _contradictions.Add($"a line on the results channel that the test runner did not sign: {(line.Length > 80 ? line[..80] + "…" : line)}");
            return false;
        }
    }

    Test? Apply(JsonElement m)
    {
        var type = Str(m, "$type");
        var id = Str(m, "TestUniqueID");
        if (type is null) return null;
        if (type == "katas-exit")
        {
            Ended = Int(m, "ExitCode");
            return null;
        }
        if (Finished is not null && type != "test-assembly-finished")
        {
            // xunit's summary is its last word; a test message after it was written by someone else.
            if (id is not null && _tests.TryGetValue(id, out var late)) Contradict(late, $"a '{type}' message after xunit's summary");
            else if (id is not null) Contradict(null, $"a '{type}' message after xunit's summary, for a test that never started");
            return null;
        }
        switch (type)
        {
            case "test-case-starting" when Str(m, "TestCaseUniqueID") is { } caseId:
                _sources[caseId] = Str(m, "SourceFilePath");
                break;
            case "test-starting" when id is not null:
                if (_tests.TryGetValue(id, out var again)) { Contradict(again, "it started twice"); break; }
                var test = new Test
                {
                    Id = id, Name = Str(m, "TestDisplayName") ?? id, ReportedPoints = PointsOf(m), Step = StepOf(m), GpuOnly = GpuOnlyOf(m),
                    SourceFile = _sources.GetValueOrDefault(Str(m, "TestCaseUniqueID") ?? ""),
                };
                // Two tests of one name: one of them is a forgery, and nothing says which.
                foreach (var twin in _order.Where(t => t.Name == test.Name).ToList())
                {
                    Contradict(twin, "a second test of the same name started");
                    test.Forged = true;
                }
                _tests[id] = test;
                _order.Add(test);
                break;
            case "test-output" when id is not null:
                if (_tests.TryGetValue(id, out var writing) && writing.Output.Length < 16_000) writing.Output.Append(Str(m, "Output"));
                break;
            case "test-passed" or "test-failed" or "test-skipped" or "test-not-run" when id is not null:
                if (!_tests.TryGetValue(id, out var done))
                {
                    Contradict(null, $"a '{type}' message for a test that never started");
                    break;
                }
                if (done.Result is not null)
                {
                    Contradict(done, $"a second result ('{type}' after '{done.Result.Value.Type}')");
                    break;
                }
                done.Result = (type, m);
                return done;
            case "test-assembly-finished":
                if (Finished is not null) { _contradictions.Add("xunit's summary came twice"); break; }
                Finished = new Summary(Int(m, "TestsTotal"), Int(m, "TestsFailed"), Int(m, "TestsSkipped"), Int(m, "TestsNotRun"));
                // Passes already known to be forged aside: if more remain than xunit counted, some of
                // them are forged too, and nothing says which.
                var passes = _order.Where(t => t.Result?.Type == "test-passed" && !t.Forged).ToList();
                if (passes.Count > Finished.Passed)
                    foreach (var pass in passes)
                        Contradict(pass, $"xunit's summary counts {Finished.Passed} passing test(s), the stream {passes.Count}");
                break;
        }
        return null;
    }

    void Contradict(Test? test, string what)
    {
        if (test is not null) test.Forged = true;
        _contradictions.Add(test is null ? what : $"{test.Name}: {what}");
    }

    /// <summary>The "Points" trait; 1 when absent or not a positive whole number (never throws).</summary>
    internal static int PointsOf(JsonElement m) =>
        Trait(m, "Points") is { } p && int.TryParse(p, out var n) && n > 0 ? n : 1;

    /// <summary>The "Step" trait ([Step(n)]), or null (never throws).</summary>
    internal static int? StepOf(JsonElement m) =>
        Trait(m, "Step") is { } s && int.TryParse(s, out var n) && n > 0 ? n : null;

    /// <summary>A [GpuOnly] test carries the trait Device=cuda.</summary>
    internal static bool GpuOnlyOf(JsonElement m) => Trait(m, "Device") == "cuda";

    static string? Trait(JsonElement m, string name) =>
        m.ValueKind == JsonValueKind.Object && m.TryGetProperty("Traits", out var traits) && traits.ValueKind == JsonValueKind.Object
        && traits.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array && v.GetArrayLength() > 0
        && v[0].ValueKind == JsonValueKind.String ? v[0].GetString() : null;

    internal static string? Str(JsonElement m, string name) =>
        m.ValueKind == JsonValueKind.Object && m.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    static int Int(JsonElement m, string name) =>
        m.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : 0;
}
