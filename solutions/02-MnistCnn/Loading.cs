using TorchSharp.Modules;
using static TorchSharp.torch.utils.data;

namespace Katas.MnistCnn;

/// <summary>Turning a dataset into batches: PyTorch's DataLoader, and a faster way for tensors in memory.</summary>
public static class Loading
{
    public const int BatchSize = 64;

    public static DataLoader Loader(Dataset dataset, int batchSize = BatchSize, bool shuffle = true, int? seed = null, torch.Device? device = null) =>
        DataLoader(dataset, batchSize, shuffle, device: device, seed: seed);

    public static IEnumerable<Dictionary<string, Tensor>> ShuffledBatches(Tensor images, Tensor labels, int batchSize = BatchSize, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (images.shape[0] != labels.shape[0])
            throw new ArgumentException($"{images.shape[0]} images but {labels.shape[0]} labels: pass one label per image.", nameof(labels));
        return Iterate(images, labels, batchSize, seed);
    }

    // Separate from the checks above so that bad arguments fail at the call, not at the first MoveNext.
    static IEnumerable<Dictionary<string, Tensor>> Iterate(Tensor images, Tensor labels, int batchSize, int seed)
    {
        var count = labels.shape[0];
        using var generator = new torch.Generator((ulong)seed);
        // Drawn on the CPU, where the generator lives (the same order on every device), then moved
        // to the images: index_select wants its indices on the device of the tensor it selects from.
        using var drawn = torch.randperm(count, generator: generator);
        using var order = drawn.to(images.device);
        for (long start = 0; start < count; start += batchSize)
        {
            // One gather per batch instead of 64 single items glued together. Like the DataLoader, a
            // batch lives until the next one is asked for: the usings dispose it when the loop moves on.
            using var index = order[TensorIndex.Slice(start, Math.Min(start + batchSize, count))];
            using var x = images.index_select(0, index);
            using var y = labels.index_select(0, index);
            yield return new() { ["data"] = x, ["label"] = y };
        }
    }
}
