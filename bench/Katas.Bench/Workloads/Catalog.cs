namespace Katas.Bench.Workloads;

/// <summary>Every workload, in the order of the chapters.</summary>
public static class Catalog
{
    public static IReadOnlyList<Workload> All { get; } =
    [
        MnistCnnWorkloads.Epoch,
        MnistCnnWorkloads.EpochPerItem,
        VggWorkloads.Forward,
        VggWorkloads.Checkpoint,
        VggWorkloads.CheckpointNoFsync,
        RnnLstmWorkloads.Epoch,
        RnnLstmWorkloads.SinCosFit,
        .. ParallelDataWorkloads.All,
    ];

    /// <summary>The workloads named in <paramref name="filter"/> (comma-separated names or prefixes), or all.
    /// A whole name selects that workload alone: `cnn-epoch` is not also `cnn-epoch-dataloader`.</summary>
    public static IReadOnlyList<Workload> Select(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter)) return All;
        var wanted = filter.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = wanted.Where(w => !All.Any(x => x.Name.StartsWith(w, StringComparison.Ordinal))).ToArray();
        if (unknown.Length > 0)
            throw new BenchException($"No workload is called {string.Join(", ", unknown)}. The workloads: {string.Join(", ", All.Select(w => w.Name))}.");
        return All.Where(x => wanted.Any(w => Matches(x.Name, w))).ToList();
    }

    static bool Matches(string name, string wanted) =>
        name == wanted || (name.StartsWith(wanted, StringComparison.Ordinal) && All.All(x => x.Name != wanted));
}
