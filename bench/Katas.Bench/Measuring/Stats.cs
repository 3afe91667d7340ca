namespace Katas.Bench.Measuring;

/// <summary>Timed runs of one workload (seconds each), summarised as the median and its spread.</summary>
public sealed record Stats(IReadOnlyList<double> Runs)
{
    public double Median { get; } = MedianOf(Runs);
    public double Min { get; } = Runs.Min();
    public double Max { get; } = Runs.Max();

    /// <summary>(max - min) / median: 0.05 means the runs differed by 5 % of a run.</summary>
    public double Spread => Median > 0 ? (Max - Min) / Median : 0;

    static double MedianOf(IReadOnlyList<double> runs)
    {
        if (runs.Count == 0) throw new ArgumentException("A workload needs at least one timed run.", nameof(runs));
        var sorted = runs.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
