using Katas.Bench.Workloads;

namespace Katas.Bench.Measuring;

/// <summary>What became of one workload on the C# side: timed (<see cref="Stats"/>), refused or failed, each with its one-line reason.</summary>
public sealed record Outcome(Workload Workload, Stats? Stats, long ItemsPerRun, string? Refused = null, string? Failed = null);
