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

    /// <summary>Given: copies the digits out of the tensors once, so that workers never share a tensor.</summary>
    /// <param name="images">float32 [N, 1, 28, 28] (what <c>Mnist.Load</c> gives).</param>
    /// <param name="labels">int64 [N].</param>
    /// <param name="seed">Fixes every distortion of every epoch.</param>
    /// <exception cref="ArgumentException">Thrown for an argument this member cannot work with (a wrong shape, size, length or entry); the message names it and says what would work.</exception>
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

    /// <summary>How many digits there are (PyTorch's <c>__len__</c>): N, the number of images given.</summary>
    public override long Count =>
        // TODO 3a — The loader asks the dataset its size to know which indices exist.
        throw new NotImplementedException("TODO 3: the number of items (AugmentedDigits.Count). See README step 3.");

    /// <summary>
    /// Item <paramref name="index"/> (PyTorch's <c>__getitem__</c>): "data", digit number
    /// <paramref name="index"/> distorted by <see cref="DigitAugmentation.Apply"/>, float32
    /// [1, 28, 28] on the CPU; "label", that digit's label, an int64 scalar. The distortion depends
    /// only on (seed, <see cref="Epoch"/>, index): the same on any thread, in any reading order.
    /// Safe to call from many threads at once. New tensors, owned by the caller.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Thrown for a number outside the range this member accepts; the message gives the value and the range.</exception>
    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        // TODO 3b — One item, the same whichever thread asks and whenever. Workers call this at the
        //  same time and in any order, so nothing it changes may be shared: random augmentation is
        //  the classic trap (README, "Three things a parallel loader must never get wrong"). A bad
        //  index should be refused up front, with a message a learner can act on.
        throw new NotImplementedException("TODO 3: read and distort one digit (AugmentedDigits.GetTensor). See README step 3.");
    }
}
