using Katas.Bench.Workloads;

namespace Katas.Bench.Measuring;

/// <summary>Times the C# side of a workload: setup once, warm-up runs, then the timed runs.</summary>
public static class Runner
{
    public static (Stats Stats, long ItemsPerRun) Time(Workload workload, Settings settings, Action<string>? progress = null)
    {
        using var trial = workload.Open(settings);
        for (var i = 0; i < settings.Warmup; i++)
        {
            progress?.Invoke($"warm-up {i + 1}/{settings.Warmup}");
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

    // Native memory of the last run is freed before the next one starts timing.
    static double Collect(double seconds)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return seconds;
    }
}
