using System.Text.Json;
using System.Text.Json.Serialization;
using Katas.Bench.Measuring;
using Katas.Bench.Suite;

namespace Katas.Bench.Reporting;

/// <summary>
/// One workload's numbers, both sides. Ratio = C# median / Python median: below 1, C# is faster.
/// A workload that was not measured has no <see cref="CSharp"/> numbers and says why: <see cref="Refused"/>
/// (it does not run on this device) or <see cref="Failed"/> (its exception, in one line);
/// <see cref="PythonFailed"/> says why its peer has no numbers.
/// </summary>
public sealed record WorkloadResult(string Name, string Chapter, string Title, string? Items, long ItemsPerRun, Stats? CSharp, Stats? Python,
    string? Refused = null, string? Failed = null, string? PythonFailed = null)
{
    public double? Ratio => CSharp is null || Python is null ? null : CSharp.Median / Python.Median;

    /// <summary>Items per second at the median (for example samples/s), when the workload has a rate.</summary>
    public double? Rate => CSharp is null || Items is null || ItemsPerRun == 0 ? null : ItemsPerRun / CSharp.Median;

    /// <summary>Why a number is missing from this row (one line), or null when both sides that ran were measured.</summary>
    public string? Note => Refused is { } r ? $"refused: {r}" : Failed is { } f ? $"failed: {f}" : PythonFailed is { } p ? $"Python peer failed: {p}" : null;
}

/// <summary>Python's side of the run, when the peers ran.</summary>
public sealed record PythonInfo(string Executable, string Version, string Torch);

/// <summary>Everything one bench run measured: what `--json` writes.</summary>
public sealed record BenchReport(int Schema, DateTimeOffset Date, Machine Machine, Settings Settings, PythonInfo? Python,
    IReadOnlyList<WorkloadResult> Workloads, SuiteTimes? Suite, double? LoadAverageAfter)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static BenchReport FromJson(string json) =>
        JsonSerializer.Deserialize<BenchReport>(json, Json) ?? throw new BenchException("The results file is empty.");
}
