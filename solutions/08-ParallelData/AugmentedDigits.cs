namespace Katas.ParallelData;

/// <summary>
/// MNIST digits, freshly distorted every time an item is read: a map-style dataset (PyTorch's
/// <c>__len__</c> and <c>__getitem__</c>) whose items cost real CPU work.
/// </summary>
public sealed class AugmentedDigits : torch.utils.data.Dataset
{
    const int Pixels = DigitAugmentation.Size * DigitAugmentation.Size;
    readonly float[] _images;
    readonly long[] _labels;
    readonly int _seed;

    /// <summary>Copies the digits out of the tensors once, so that workers never share a tensor.</summary>
    /// <param name="images">float32 [N, 1, 28, 28] (what <c>Mnist.Load</c> gives).</param>
    /// <param name="labels">int64 [N].</param>
    /// <param name="seed">Fixes every distortion of every epoch.</param>
    public AugmentedDigits(Tensor images, Tensor labels, int seed)
    {
        if (images.dim() != 4 || images.shape[1] != 1 || images.shape[2] != DigitAugmentation.Size || images.shape[3] != DigitAugmentation.Size)
            throw new ArgumentException($"images must be [N, 1, 28, 28] (MNIST as Mnist.Load gives it), not [{string.Join(", ", images.shape)}].", nameof(images));
        if (labels.dim() != 1 || labels.shape[0] != images.shape[0])
            throw new ArgumentException($"labels must be [N] with one label per image ({images.shape[0]}), not [{string.Join(", ", labels.shape)}].", nameof(labels));
        _images = images.to(float32).cpu().data<float>().ToArray();
        _labels = labels.to(int64).cpu().data<long>().ToArray();
        _seed = seed;
    }

    /// <summary>Which epoch the distortions belong to: set it before each epoch, as set_epoch in PyTorch.</summary>
    public int Epoch { get; set; }

    public override long Count => _labels.Length;

    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        if (index < 0 || index >= Count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"index {index} is outside the dataset: it has {Count} items, 0 to {Count - 1}.");
        // A generator per item, seeded from (seed, epoch, index) alone: the item is the same
        // whichever worker makes it, in whatever order. (Not HashCode.Combine: it is salted per process.)
        var rng = new Random(unchecked(_seed * 1_000_003 + Epoch * 7_919 + (int)index));
        var digit = new float[Pixels];
        DigitAugmentation.Apply(_images.AsSpan((int)index * Pixels, Pixels), digit, rng);
        return new()
        {
            ["data"] = torch.tensor(digit, [1, DigitAugmentation.Size, DigitAugmentation.Size]),
            ["label"] = torch.tensor(_labels[index]),
        };
    }
}
