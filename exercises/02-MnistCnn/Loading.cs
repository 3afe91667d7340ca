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
    /// <param name="dataset">Any map-style dataset whose items have "data" and "label".</param>
    /// <param name="batchSize">Items per batch; the last batch holds what is left.</param>
    /// <param name="shuffle">A new order every time the loader is enumerated (true), or the stored order.</param>
    /// <param name="seed">Fixes the shuffled order, so that a run can be repeated; null: a random order.</param>
    /// <param name="device">Where every batch goes; null: the CPU.</param>
    public static DataLoader Loader(Dataset dataset, int batchSize = BatchSize, bool shuffle = true, int? seed = null, torch.Device? device = null)
    {
        // TODO 2 (README step 2) — PyTorch's DataLoader. TorchSharp's takes two things PyTorch's does
        //  not: the device it sends each batch to (a model on a GPU needs its batches there) and a seed
        //  for its shuffling. Every parameter here has a job: pass each one on.
        throw new NotImplementedException("TODO 2: write Loading.Loader (a DataLoader with batches and shuffling). See README step 2.");
    }

    /// <summary>
    /// The fast form of a shuffled DataLoader for data that is already one tensor in memory: one
    /// random permutation per epoch, each batch gathered with one index_select. Each batch is
    /// disposed when the next one is asked for.
    /// </summary>
    /// <param name="images">[N, 1, 28, 28] on any device; the batches are gathered there.</param>
    /// <param name="labels">[N], one label per image, on the same device.</param>
    /// <param name="seed">Fixes the order: the same seed gives the same batches on every device.</param>
    /// <returns>Dictionaries with "data" [B, 1, 28, 28] and "label" [B]; B is batchSize except for the last batch.</returns>
    /// <exception cref="ArgumentOutOfRangeException">batchSize is below 1 (ParamName "batchSize"), thrown when the method is called, before anything is enumerated.</exception>
    /// <exception cref="ArgumentException">The number of labels differs from the number of images; the message shows both, thrown when the method is called.</exception>
    public static IEnumerable<Dictionary<string, Tensor>> ShuffledBatches(Tensor images, Tensor labels, int batchSize = BatchSize, int seed = 0)
    {
        // TODO 10 (README step 10) — the DataLoader's batches without its per-item cost. What the tests
        //  hold you to, beyond the batches themselves: a bad argument fails at the call, not at the
        //  first foreach (mind what C# does with a method that contains `yield return`); the order comes
        //  from a generator seeded with `seed`, on the CPU, so that every device sees the same order;
        //  and, like TorchSharp's DataLoader, a batch is freed as soon as the next one is asked for.
        throw new NotImplementedException("TODO 10: write Loading.ShuffledBatches (a permutation, sliced into batches). See README step 10.");
    }
}
