namespace Katas.Layers;

/// <summary>Pooling written out: windows and what is kept of each.</summary>
public static class Pooling
{
    public static Tensor MaxPool2d(Tensor x, int kernel) => Windows(x, kernel).amax([-2, -1]);

    public static Tensor AvgPool2d(Tensor x, int kernel) => Windows(x, kernel).mean([-2, -1]);

    // [N, C, H, W] -> [N, C, H / k, W / k, k, k]: every k x k window, side by side; leftover rows and
    // columns are dropped, as PyTorch does without ceil_mode.
    static Tensor Windows(Tensor x, int kernel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(kernel, 1);
        if (x.dim() != 4)
            throw new ArgumentException($"2-D pooling works on images [N, C, H, W]; got [{string.Join(", ", x.shape)}].", nameof(x));
        return x.unfold(2, kernel, kernel).unfold(3, kernel, kernel);
    }

    public static (long Start, long End)[] AdaptiveBins(long inputSize, long outputSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputSize, 1);
        // Bin i covers [floor(i * in / out), ceil((i + 1) * in / out)): neighbours may overlap by one.
        return Enumerable.Range(0, (int)outputSize)
            .Select(i => (i * inputSize / outputSize, ((i + 1) * inputSize + outputSize - 1) / outputSize))
            .ToArray();
    }

    public static Tensor AdaptiveAvgPool2d(Tensor x, long outputHeight, long outputWidth)
    {
        if (x.dim() != 4)
            throw new ArgumentException($"2-D pooling works on images [N, C, H, W]; got [{string.Join(", ", x.shape)}].", nameof(x));
        var rows = AdaptiveBins(x.shape[2], outputHeight);
        var columns = AdaptiveBins(x.shape[3], outputWidth);
        var cells = new List<Tensor>();
        foreach (var (top, bottom) in rows)
            foreach (var (left, right) in columns)
                cells.Add(x[.., .., (int)top..(int)bottom, (int)left..(int)right].mean([-2, -1]));
        return torch.stack(cells, dim: -1).reshape(x.shape[0], x.shape[1], outputHeight, outputWidth);
    }
}
