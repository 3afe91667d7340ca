using System.Text.Json;
using Katas.Grader.Layout;
using Katas.Tooling;

namespace Katas.Grader.Running;

/// <summary>What libtorch says about this machine, as the chapters' backend sees it. <see cref="Loads"/> is null where nobody asked.</summary>
public sealed record TorchFacts(string Backend, bool? Loads, string? Problem, string? TorchSharp, string? LibTorch, bool Cuda, string? Device);

/// <summary>
/// The grader loads no libtorch, so one grader build serves every backend. What only libtorch can
/// tell (does it load, which version, is there CUDA) comes from the course's probe
/// (src/Katas.Kit.Probe), built with the chapters' TorchBackend and run in its own process. The
/// answer is kept in the course's work folder, keyed by what could change it (backend, TorchSharp
/// version, KATAS_LIBTORCH, the GPU), so only the first run pays for the probe's build.
/// </summary>
public static class TorchProbe
{
    static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    sealed record Cached(string Key, TorchFacts Facts);

    /// <summary>
    /// The facts a grading run records. A CPU build of libtorch has no CUDA, so for the cpu backend
    /// nothing needs asking: the versions are the course's own (Directory.Packages.props, the lock
    /// file). Other backends ask the probe (once per machine and version).
    /// </summary>
    public static Task<TorchFacts> ForGradingAsync(Course course, string backend, CancellationToken cancel) =>
        backend == "cpu"
            ? Task.FromResult(new TorchFacts(backend, null, null, course.TorchSharpVersion(), course.LockedVersion("libtorch-cpu"), false, "cpu"))
            : AskAsync(course, backend, fresh: false, cancel);

    /// <param name="fresh">Ask the probe even if an answer is kept (doctor: the machine may have changed).</param>
    public static async Task<TorchFacts> AskAsync(Course course, string backend, bool fresh, CancellationToken cancel)
    {
        var key = string.Join("|", backend, course.TorchSharpVersion() ?? "?", Environment.GetEnvironmentVariable(Kit.Variables.LibTorch) ?? "",
            MachineFacts.GpuName() ?? "no GPU");
        var path = Path.Combine(course.WorkFolder, $"probe-{backend}.json");
        if (!fresh && Read(path) is { } kept && kept.Key == key) return kept.Facts;

        var lines = new List<string>();
        ProcessOutcome outcome;
        try
        {
            outcome = await ProcessRunner.RunAsync("dotnet", ["run", "--project", course.Probe, $"-p:TorchBackend={backend}", "-v", "q", "--nologo"],
                course.Root, new Dictionary<string, string?> { ["DOTNET_NOLOGO"] = "1" }, TimeSpan.FromMinutes(10),
                line => { lock (lines) lines.Add(line); }, cancel).ConfigureAwait(false);
        }
        catch (System.ComponentModel.Win32Exception e) { return Failed(backend, $"the probe could not start: {e.Message}"); }
        string? answer;
        lock (lines) answer = lines.LastOrDefault(l => l.StartsWith('{'));
        if (outcome.ExitCode != 0 || answer is null)
            return Failed(backend, outcome.TimedOut ? "the probe (src/Katas.Kit.Probe) timed out"
                : $"the probe (src/Katas.Kit.Probe) did not run: {Brief(outcome.StandardError, lines)}");
        TorchFacts facts;
        try { facts = JsonSerializer.Deserialize<TorchFacts>(answer, Json) ?? Failed(backend, "the probe printed nothing"); }
        catch (JsonException e) { return Failed(backend, $"the probe's answer is not JSON: {e.Message}"); }
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(new Cached(key, facts), Json));
        return facts;
    }

    static Cached? Read(string path)
    {
        try { return File.Exists(path) ? JsonSerializer.Deserialize<Cached>(File.ReadAllText(path), Json) : null; }
        catch (Exception e) when (e is JsonException or IOException) { return null; }
    }

    static TorchFacts Failed(string backend, string why) => new(backend, false, why, null, null, false, null);

    static string Brief(string stderr, List<string> stdout)
    {
        string text;
        lock (stdout) text = stderr.Trim().Length > 0 ? stderr.Trim() : string.Join('\n', stdout.TakeLast(5));
        return text.Length > 400 ? text[..400] + "..." : text;
    }
}
