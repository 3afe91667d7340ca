using System.Text.Json;
using Katas.Bench.Measuring;
using Katas.Kit;
using Katas.Tooling;

namespace Katas.Bench.Peers;

/// <summary>What a Python peer reported for its workloads.</summary>
public sealed record PeerReport(string Python, string PythonVersion, string Torch, IReadOnlyDictionary<string, Stats> Results);

/// <summary>
/// Runs bench/peers/*.py: the same workloads in Python PyTorch, same sizes, threads and data. Each
/// script times its runs itself and writes them to a JSON file (see peers/common.py).
/// </summary>
public static class PythonPeers
{
    public const string Variable = PythonWithTorch.Variable;

    /// <summary>
    /// The Python to run the peers: the one asked for (--python, else KATAS_PYTHON), which must
    /// import torch; else the first of python3, /usr/bin/python3, python that does (Kit's <see cref="PythonWithTorch"/>).
    /// </summary>
    public static string Find(string? requested) =>
        PythonWithTorch.Find(requested, out var tried) ?? throw new BenchException(
            "No Python with PyTorch was found, so the peers cannot run. Tried " + string.Join("; ", tried) + ". " +
            $"Install PyTorch ({PythonWithTorch.HowToInstall}) or point --python (or {Variable}) at a Python that has it.");

    /// <summary>Runs one peer script for <paramref name="workloads"/> (names it knows).</summary>
    public static PeerReport Run(string python, string script, IReadOnlyList<string> workloads, Settings settings, string mnistFolder)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "peers", script);
        if (!File.Exists(path)) throw new BenchException($"The Python peer {path} is missing: rebuild the bench (dotnet build bench -c Release).");
        // Beside the C# results: peers that write files (checkpoints) use the same disk.
        var output = RepoPaths.Output("bench", $"peer-{Environment.ProcessId}-{Guid.NewGuid():N}.json");
        try
        {
            List<string> arguments =
            [
                path, "--workloads", string.Join(',', workloads), "--repeat", $"{settings.Repeat}", "--warmup", $"{settings.Warmup}",
                "--threads", $"{settings.Threads}", "--device", settings.Device, "--mnist", mnistFolder, "--out", output,
            ];
            if (settings.Quick) arguments.Add("--quick");
            // Debian's PyTorch does its matrix products in the system BLAS (libblas.so.3). OpenBLAS
            // would start its own pool of threads beside libtorch's OpenMP pool: on 2 cores the two
            // pools thrash (the CNN epoch took twice as long). libtorch's threads do the parallel work.
            var environment = new Dictionary<string, string?>
            {
                ["OMP_NUM_THREADS"] = $"{settings.Threads}",
                ["OPENBLAS_NUM_THREADS"] = "1",
                ["MKL_NUM_THREADS"] = "1",
            };
            // The libtorch settings Kit gives the C# side; one set here already reaches the peer as it is.
            LibTorchDefaults.Apply(Environment.GetEnvironmentVariable, (name, value) => environment[name] = value);
            var (code, log) = PythonWithTorch.Run(python, arguments, TimeSpan.FromMinutes(60), environment);
            if (code != 0 || !File.Exists(output))
                throw new BenchException($"The Python peer {script} failed (exit code {code}):{Environment.NewLine}{Tail(log)}");
            return Parse(python, File.ReadAllText(output), script);
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>Reads a peer's JSON: {"python": "3.11.2", "torch": "1.13.1", "workloads": {"name": {"runs": [seconds...]}}}.</summary>
    public static PeerReport Parse(string python, string json, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var results = new Dictionary<string, Stats>();
            foreach (var workload in root.GetProperty("workloads").EnumerateObject())
                results[workload.Name] = new Stats(workload.Value.GetProperty("runs").EnumerateArray().Select(r => r.GetDouble()).ToArray());
            return new PeerReport(python, root.GetProperty("python").GetString() ?? "?", root.GetProperty("torch").GetString() ?? "?", results);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            throw new BenchException($"The Python peer {source} wrote results this bench cannot read ({e.Message}).");
        }
    }

    static string Tail(string log) => string.Join(Environment.NewLine, log.TrimEnd().Split('\n').TakeLast(20));
}
