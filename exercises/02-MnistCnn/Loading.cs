using TorchSharp.Modules;
using static TorchSharp.torch.utils.data;

namespace Katas.MnistCnn;

/// <summary>Turning a dataset into batches: PyTorch's DataLoader, and a faster way for tensors in memory.</summary>
public static class Loading
{
    public const int BatchSize = 64;

    /// <summary>
    /// PyTorch's <c>DataLoader(dataset, batch_size=64, shuffle=True)</c>. Enumerating it gives one
    /// dictionary per batch: "data" [B, 1, 28, 28] and "label" [B].
    /// </summary>
    /// <param name="device">Where the batches go (TorchSharp's DataLoader takes it as `device:`; null: the CPU).</param>
    public static DataLoader Loader(Dataset dataset, int batchSize = BatchSize, bool shuffle = true, int? seed = null, torch.Device? device = null)
    {
        // TODO 2 — the DataLoader: torch.utils.data.DataLoader(dataset, batchSize, shuffle, seed: seed).
        //  `seed` fixes the shuffled order, so that a run can be repeated.
        throw new NotImplementedException("TODO 2: write Loading.Loader (a DataLoader with batches and shuffling). See README step 2.");
    }

    /// <summary>
    /// The fast form of a shuffled DataLoader for data that is already one tensor in memory: one
    /// random permutation per epoch, each batch gathered with one index_select. Each batch is
    /// disposed when the next one is asked for.
    /// </summary>
    /// <exception cref="ArgumentException">Thrown for an argument this member cannot work with (a wrong shape, size, length or entry); the message names it and says what would work.</exception>
    public static IEnumerable<Dictionary<string, Tensor>> ShuffledBatches(Tensor images, Tensor labels, int batchSize = BatchSize, int seed = 0)
    {
        // TODO 10 — batches without the per-item cost (README step 10).
        //  - Check the arguments first: batchSize >= 1 (ArgumentOutOfRangeException.ThrowIfLessThan),
        //    as many labels as images (ArgumentException that shows both counts).
        //  - order = torch.randperm(count, generator: new torch.Generator((ulong)seed)), moved .to(images.device)
        //  - for each start in 0, batchSize, 2*batchSize, ...:
        //        var index = order[TensorIndex.Slice(start, Math.Min(start + batchSize, count))];
        //        yield return new() { ["data"] = images.index_select(0, index), ["label"] = labels.index_select(0, index) };
        //  - A `yield` method checks its arguments only when enumerated: check them in this method and
        //    `return` a second, private iterator method.
        throw new NotImplementedException("TODO 10: write Loading.ShuffledBatches (a permutation, sliced into batches). See README step 10.");
    }
}
