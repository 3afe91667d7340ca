using static TorchSharp.torch.nn;

namespace Katas.Layers;

/// <summary>Convolutions in 1, 2 and 3 dimensions, and the size of what they give.</summary>
public static class ConvShapes
{
    /// <summary>
    /// The size, along one dimension, of a convolution's (or pooling's) output for an input of
    /// <paramref name="inputSize"/> positions: how many places a kernel of <paramref name="kernel"/>
    /// taps, <paramref name="dilation"/> apart, finds in the input padded with <paramref name="padding"/>
    /// zeros at each end, moving <paramref name="stride"/> positions at a time.
    /// </summary>
    /// <returns>The output size, at least 1. OutputSize(28, kernel: 5, stride: 2, padding: 2) is 14.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when kernel, stride or dilation is below 1, or padding is negative.</exception>
    /// <exception cref="ArgumentException">Thrown when the kernel's span is larger than the padded input; the message says so and suggests a smaller kernel or more padding.</exception>
    public static long OutputSize(long inputSize, long kernel, long stride = 1, long padding = 0, long dilation = 1)
    {
        // TODO 1 — Every shape in a network follows from this one formula (README, "The idea"): work it
        //  out on paper for chapter 2's conv1 first. A kernel that does not fit would give a size of 0 or
        //  less; say so here, where the numbers are known, rather than let libtorch fail later.
        throw new NotImplementedException("TODO 1: write ConvShapes.OutputSize (the output-size formula). See README step 1.");
    }

    /// <summary>
    /// nn.Conv1d, nn.Conv2d or nn.Conv3d, as <paramref name="dims"/> (1, 2 or 3) says, with these
    /// settings. Its weight is [outChannels, inChannels, kernel, ...] (one kernel size per dimension),
    /// it takes [N, inChannels, ...] and gives [N, outChannels, ...], each side sized by <see cref="OutputSize"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Thrown for a <paramref name="dims"/> other than 1, 2 or 3; the message gives the value and the range.</exception>
    public static Module<Tensor, Tensor> Conv(int dims, long inChannels, long outChannels, long kernel,
        long stride = 1, long padding = 0, long dilation = 1)
    {
        // TODO 2 — One idea, three layouts: sequences, images and volumes are convolved the same way, so
        //  the settings mean the same in each. Every setting you are given must reach the layer; the ones
        //  with defaults are the easiest to lose.
        throw new NotImplementedException("TODO 2: write ConvShapes.Conv (Conv1d, Conv2d or Conv3d). See README step 2.");
    }
}
