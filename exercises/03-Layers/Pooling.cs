namespace Katas.Layers;

/// <summary>Pooling written out: windows and what is kept of each.</summary>
public static class Pooling
{
    /// <summary>
    /// PyTorch's F.max_pool2d(x, kernel): the maximum of every kernel x kernel window, windows side by
    /// side (stride = kernel). Takes images [N, C, H, W]; gives [N, C, H / kernel, W / kernel] (rounded
    /// down: leftover rows and columns are dropped), same dtype and device.
    /// </summary>
    /// <exception cref="ArgumentException">Thrown when <paramref name="x"/> does not have 4 dimensions; the message shows its shape.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="kernel"/> is below 1.</exception>
    public static Tensor MaxPool2d(Tensor x, int kernel)
    {
        // TODO 3 — Pooling is "cut into windows, keep one number per window". Seeing the windows as a
        //  tensor dimension of their own (README hint on unfold) turns the whole layer into one reduction,
        //  with no loops over pixels.
        throw new NotImplementedException("TODO 3: write Pooling.MaxPool2d (unfold into windows, amax). See README step 3.");
    }

    /// <summary>
    /// PyTorch's F.avg_pool2d(x, kernel): the mean of every kernel x kernel window (stride = kernel).
    /// Same shapes and exceptions as <see cref="MaxPool2d"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Thrown when <paramref name="x"/> does not have 4 dimensions; the message shows its shape.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="kernel"/> is below 1.</exception>
    public static Tensor AvgPool2d(Tensor x, int kernel)
    {
        // TODO 4 — The same windows as max-pooling, another summary of each: once the windows are a
        //  tensor, the pooling kind is only the choice of reduction. Write the windows once for both.
        throw new NotImplementedException("TODO 4: write Pooling.AvgPool2d (the same windows, mean). See README step 4.");
    }

    /// <summary>
    /// The windows adaptive pooling uses to turn <paramref name="inputSize"/> positions into
    /// <paramref name="outputSize"/>: bin i covers [Start, End), with Start = floor(i * in / out) and
    /// End = ceil((i + 1) * in / out). AdaptiveBins(5, 3) is [(0, 2), (1, 4), (3, 5)].
    /// </summary>
    /// <returns>One (Start, End) pair per output position, in order.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when either size is below 1.</exception>
    public static (long Start, long End)[] AdaptiveBins(long inputSize, long outputSize)
    {
        // TODO 5 — Adaptive pooling fixes the output size and lets the windows follow. When the sizes do
        //  not divide, rounding the start down and the end up makes neighbouring bins share a position,
        //  so no input position is left out. All in integer arithmetic: no floating point needed.
        throw new NotImplementedException("TODO 5: write Pooling.AdaptiveBins (where each bin starts and ends). See README step 5.");
    }

    /// <summary>
    /// PyTorch's F.adaptive_avg_pool2d(x, (outputHeight, outputWidth)): images [N, C, H, W] of any size
    /// become [N, C, outputHeight, outputWidth], each cell the mean of one (row bin, column bin) of
    /// <see cref="AdaptiveBins"/>. Same dtype and device as <paramref name="x"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Thrown when <paramref name="x"/> does not have 4 dimensions; the message shows its shape.</exception>
    public static Tensor AdaptiveAvgPool2d(Tensor x, long outputHeight, long outputWidth)
    {
        // TODO 6 — This is what lets a network take images of any size: whatever arrives, the classifier
        //  after it sees the same shape. Rows and columns get their own bins, from their own sizes.
        throw new NotImplementedException("TODO 6: write Pooling.AdaptiveAvgPool2d (the mean of every bin). See README step 6.");
    }
}
