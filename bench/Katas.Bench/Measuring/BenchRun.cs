using Katas.Bench.Peers;
using Katas.Bench.Reporting;
using Katas.Bench.Workloads;

namespace Katas.Bench.Measuring;

/// <summary>The workloads' results, and which Python measured their peers (null when none ran).</summary>
public sealed record Measured(IReadOnlyList<WorkloadResult> Results, PythonInfo? Python)
{
    /// <summary>True when a workload or a peer failed: the table says which and why.</summary>
    public bool AnyFailed => Results.Any(r => r.Failed is not null || r.PythonFailed is not null);
}

/// <summary>
/// Runs the workloads group by group: each peer file's workloads in C#, then at once in Python, so
/// that the two sides of a ratio are measured minutes apart, not half an hour (a shared machine's
/// speed drifts). A workload that refuses the device, or fails, is recorded with its reason and the
/// run goes on; a peer is asked only for the workloads C# measured.
/// </summary>
public static class BenchRun
{
    /// <param name="time">Times one workload (<see cref="Runner.TryTime"/>, inside a progress display).</param>
    /// <param name="peers">Runs a peer script for the named workloads (null: no peers); its BenchException is recorded, not thrown.</param>
    /// <param name="say">One line of progress for the console (Spectre markup).</param>
    public static Measured Measure(IEnumerable<Workload> workloads, Func<Workload, Outcome> time,
        Func<string, IReadOnlyList<string>, PeerReport>? peers, Action<string> say)
    {
        var results = new List<WorkloadResult>();
        PythonInfo? python = null;
        foreach (var group in workloads.GroupBy(w => w.Peer))
        {
            var outcomes = group.Select(workload =>
            {
                var outcome = time(workload);
                say(outcome.Stats is { } s ? $"  [grey]C#[/] {workload.Name}: median {s.Median:0.000} s ({Runs(s)})"
                    : outcome.Refused is { } r ? $"  [grey]C#[/] {workload.Name}: [grey]refused: {Spectre.Console.Markup.Escape(r)}[/]"
                    : $"  [grey]C#[/] {workload.Name}: [red]failed: {Spectre.Console.Markup.Escape(outcome.Failed ?? "?")}[/]");
                return outcome;
            }).ToList();
            var names = outcomes.Where(o => o.Stats is not null).Select(o => o.Workload.Name).ToList();
            PeerReport? peer = null;
            string? peerFailed = null;
            if (peers is not null && names.Count > 0)
            {
                try
                {
                    peer = peers(group.Key, names);
                    python ??= new PythonInfo(peer.Python, peer.PythonVersion, peer.Torch);
                    foreach (var (name, stats) in peer.Results)
                        say($"  [grey]Python[/] {name}: median {stats.Median:0.000} s ({Runs(stats)})");
                }
                catch (BenchException e)
                {
                    peerFailed = Runner.OneLine(e);
                    say($"  [grey]Python[/] {group.Key}: [red]failed: {Spectre.Console.Markup.Escape(peerFailed)}[/]");
                }
            }
            results.AddRange(outcomes.Select(o => new WorkloadResult(o.Workload.Name, o.Workload.Chapter, o.Workload.Title,
                o.Workload.Items, o.ItemsPerRun, o.Stats, peer?.Results.GetValueOrDefault(o.Workload.Name), o.Refused, o.Failed,
                o.Stats is null ? null : peerFailed)));
        }
        return new Measured(results, python);
    }

    static string Runs(Stats stats) =>
        string.Join(", ", stats.Runs.Select(r => r.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)));
}
