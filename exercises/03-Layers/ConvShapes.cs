using static TorchSharp.torch.nn;

namespace Katas.Layers;

/// <summary>Convolutions in 1, 2 and 3 dimensions, and the size of what they give.</summary>
public static class ConvShapes
{
    /// <summary>
    /// The size, along one dimension, of a convolution's (or pooling's) output for an input of
    /// <paramref name="inputSize"/> positions.
    /// </summary>
    /// <exception cref="ArgumentException">Thrown for an argument this member cannot work with (a wrong shape, size, length or entry); the message names it and says what would work.</exception>
    public static long OutputSize(long inputSize, long kernel, long stride = 1, long padding = 0, long dilation = 1)
    {
        // TODO 1 — the formula of PyTorch's Conv docs:
        //    floor((inputSize + 2*padding - dilation*(kernel - 1) - 1) / stride) + 1
        //  Integer division of non-negative longs already floors. Before computing, check the input:
        //  kernel, stride, dilation >= 1 and padding >= 0 (ArgumentOutOfRangeException.ThrowIfLessThan /
        //  ThrowIfNegative), and throw an ArgumentException when the kernel's span
        //  dilation*(kernel - 1) + 1 is larger than the padded input inputSize + 2*padding: say so, and
        //  suggest a smaller kernel or more padding.
        throw new NotImplementedException("TODO 1: write ConvShapes.OutputSize (the output-size formula). See README step 1.");
    }

    /// <summary>nn.Conv1d, nn.Conv2d or nn.Conv3d, as <paramref name="dims"/> says, with these settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Thrown for a number outside the range this member accepts; the message gives the value and the range.</exception>
    public static Module<Tensor, Tensor> Conv(int dims, long inChannels, long outChannels, long kernel,
        long stride = 1, long padding = 0, long dilation = 1)
    {
        // TODO 2 — a switch on dims:
        //  (the code itself: hint level 3)
        //  anything else: throw new ArgumentOutOfRangeException(nameof(dims), dims, "<what dims may be>").
        throw new NotImplementedException("TODO 2: write ConvShapes.Conv (Conv1d, Conv2d or Conv3d). See README step 2.");
    }
}
