namespace Katas.Layers;

/// <summary>Pooling written out: windows and what is kept of each.</summary>
public static class Pooling
{
    /// <summary>PyTorch's F.max_pool2d(x, kernel): the maximum of every kernel x kernel window (stride = kernel).</summary>
    /// <exception cref="ArgumentException">Thrown for an argument this member cannot work with (a wrong shape, size, length or entry); the message names it and says what would work.</exception>
    public static Tensor MaxPool2d(Tensor x, int kernel)
    {
        // TODO 3 — cut x [N, C, H, W] into windows, then keep each window's maximum:
        //    x.unfold(2, kernel, kernel)    // [N, C, H/k, W, k]: rows grouped k at a time
        //     .unfold(3, kernel, kernel)    // [N, C, H/k, W/k, k, k]: every k x k window
        //     .amax([-2, -1])               // the maximum over each window
        //  unfold drops leftover rows and columns, as PyTorch's pooling does. Check that x has 4
        //  dimensions (ArgumentException showing its shape) and kernel >= 1.
        throw new NotImplementedException("TODO 3: write Pooling.MaxPool2d (unfold into windows, amax). See README step 3.");
    }

    /// <summary>PyTorch's F.avg_pool2d(x, kernel): the mean of every kernel x kernel window (stride = kernel).</summary>
    public static Tensor AvgPool2d(Tensor x, int kernel)
    {
        // TODO 4 — the same windows as MaxPool2d, then .mean([-2, -1]). Share the windows code.
        throw new NotImplementedException("TODO 4: write Pooling.AvgPool2d (the same windows, mean). See README step 4.");
    }

    /// <summary>
    /// The windows adaptive pooling uses to turn <paramref name="inputSize"/> positions into
    /// <paramref name="outputSize"/>: bin i covers [Start, End).
    /// </summary>
    public static (long Start, long End)[] AdaptiveBins(long inputSize, long outputSize)
    {
        // TODO 5 — bin i (i = 0 .. outputSize-1) starts at floor(i * inputSize / outputSize) and ends
        //  at ceil((i + 1) * inputSize / outputSize). For non-negative integers,
        //  ceil(a / b) = (a + b - 1) / b. Both sizes must be >= 1.
        throw new NotImplementedException("TODO 5: write Pooling.AdaptiveBins (where each bin starts and ends). See README step 5.");
    }

    /// <summary>PyTorch's F.adaptive_avg_pool2d(x, (outputHeight, outputWidth)): a fixed output size whatever the input's.</summary>
    /// <exception cref="ArgumentException">Thrown for an argument this member cannot work with (a wrong shape, size, length or entry); the message names it and says what would work.</exception>
    public static Tensor AdaptiveAvgPool2d(Tensor x, long outputHeight, long outputWidth)
    {
        // TODO 6 — bins for the rows (from x.shape[2]) and for the columns (from x.shape[3]); for each
        //  (row bin, column bin), the mean of x[.., .., top..bottom, left..right] over the last two
        //  dimensions. torch.stack the cells (dim -1) and reshape to [N, C, outputHeight, outputWidth].
        throw new NotImplementedException("TODO 6: write Pooling.AdaptiveAvgPool2d (the mean of every bin). See README step 6.");
    }
}
