using Katas.Bench.Workloads;

namespace Katas.Bench.Measuring;

/// <summary>Times the C# side of a workload: setup once, warm-up runs, then the timed runs.</summary>
public static class Runner
{
    /// <summary>How long short workloads warm up (when warm-up is on at all).</summary>
    public static readonly TimeSpan MinimumWarmup = TimeSpan.FromSeconds(2);

    public static (Stats Stats, long ItemsPerRun) Time(Workload workload, Settings settings, Action<string>? progress = null)
    {
        using var trial = workload.Open(settings);
        // At least Warmup runs, and for short workloads at least MinimumWarmup of them: .NET's tiered
        // JIT recompiles hot methods (with profile data) only after they have run for a while. With a
        // single warm-up run, the 0.3 s sin -> cos fit measured 0.46 s; after 2 s of warm-up, 0.27 s.
        var warmup = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < settings.Warmup || (settings.Warmup > 0 && warmup.Elapsed < MinimumWarmup && i < 50); i++)
        {
            progress?.Invoke($"warm-up {i + 1}");
            Collect(trial.Run(seed: 1000 + i));
        }
        var runs = new List<double>();
        for (var i = 0; i < settings.Repeat; i++)
        {
            progress?.Invoke($"run {i + 1}/{settings.Repeat}");
            runs.Add(Collect(trial.Run(seed: i)));
        }
        return (new Stats(runs), trial.ItemsPerRun);
    }

    /// <summary>
    /// Times <paramref name="workload"/> unless it refuses the device; never throws for the workload's
    /// own failures (a TorchSharp error on a GPU, a missing file): they come back as the outcome, in
    /// one line, so one broken workload cannot abort a bench run and the others still run.
    /// </summary>
    public static Outcome TryTime(Workload workload, Settings settings, Action<string>? progress = null)
    {
        if (workload.RefusalFor(settings) is { } reason) return new(workload, null, 0, Refused: reason);
        try
        {
            var (stats, items) = Time(workload, settings, progress);
            return new(workload, stats, items);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new(workload, null, 0, Failed: OneLine(e));
        }
    }

    /// <summary>The exception's type and the first line of its message (TorchSharp appends the native stack to the message).</summary>
    public static string OneLine(Exception e)
    {
        var first = e.Message.Split('\n', 2)[0].Trim();
        if (first.Length > 300) first = first[..300] + "...";
        return $"{e.GetType().Name}: {first}";
    }

    // Native memory of the last run is freed before the next one starts timing.
    static double Collect(double seconds)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return seconds;
    }
}
