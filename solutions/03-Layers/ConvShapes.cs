using static TorchSharp.torch.nn;

namespace Katas.Layers;

/// <summary>Convolutions in 1, 2 and 3 dimensions, and the size of what they give.</summary>
public static class ConvShapes
{
    public static long OutputSize(long inputSize, long kernel, long stride = 1, long padding = 0, long dilation = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(kernel, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dilation, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        var span = dilation * (kernel - 1) + 1; // the positions one kernel covers, gaps included
        var padded = inputSize + 2 * padding;
        if (span > padded)
            throw new ArgumentException(
                $"A kernel of {kernel} with dilation {dilation} spans {span} positions, but the padded input has only {padded} " +
                $"({inputSize} + 2 * {padding}). Use a smaller kernel or dilation, or more padding.", nameof(kernel));
        return (padded - span) / stride + 1;
    }

    public static Module<Tensor, Tensor> Conv(int dims, long inChannels, long outChannels, long kernel,
        long stride = 1, long padding = 0, long dilation = 1) => dims switch
    {
        1 => Conv1d(inChannels, outChannels, kernel, stride, padding, dilation),
        2 => Conv2d(inChannels, outChannels, kernel, stride, padding, dilation),
        3 => Conv3d(inChannels, outChannels, kernel, stride, padding, dilation),
        _ => throw new ArgumentOutOfRangeException(nameof(dims), dims,
            "Convolutions come in 1 (sequences [N, C, L]), 2 (images [N, C, H, W]) or 3 (volumes [N, C, D, H, W]) dimensions."),
    };
}
