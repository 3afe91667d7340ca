using TorchSharp.Modules;

namespace Katas.Layers.Tests;

public class ConvShapesTests
{
    // (input, kernel, stride, padding, dilation) -> size, each worked out by hand:
    // floor((input + 2 * padding - dilation * (kernel - 1) - 1) / stride) + 1
    static readonly (long In, long K, long S, long P, long D, long Out)[] ByHand =
    [
        (28, 5, 2, 2, 1, 14), // chapter 2's conv1: (28 + 4 - 4 - 1) / 2 + 1 = 13 + 1
        (7, 5, 1, 2, 1, 7),   // chapter 2's conv2: padding 2 keeps 7
        (32, 3, 1, 1, 1, 32), // VGG's 3x3 conv with padding 1 keeps the size
        (10, 3, 1, 0, 1, 8),  // no padding: a 3-wide kernel fits 8 times into 10
        (10, 3, 1, 0, 2, 6),  // dilation 2: the kernel spans 5 positions, fits 6 times
        (9, 2, 2, 0, 1, 4),   // stride 2 on 9: the last position is left over (floor)
    ];

    [Fact, Points(2), Step(1)]
    public void OutputSize_follows_the_formula_worked_out_by_hand()
    {
        foreach (var c in ByHand)
            ConvShapes.OutputSize(c.In, c.K, c.S, c.P, c.D).ShouldBe(c.Out,
                $"input {c.In}, kernel {c.K}, stride {c.S}, padding {c.P}, dilation {c.D}: " +
                "floor((input + 2*padding - dilation*(kernel - 1) - 1) / stride) + 1");
    }

    [Fact, Points(2), Step(1)]
    public void OutputSize_matches_what_TorchSharp_convolutions_give_in_1_2_and_3_dimensions()
    {
        foreach (var c in ByHand)
        {
            var expected = ConvShapes.OutputSize(c.In, c.K, c.S, c.P, c.D);
            using var y1 = nn.Conv1d(1, 1, c.K, c.S, c.P, c.D).forward(torch.zeros([1, 1, c.In]));
            using var y2 = nn.Conv2d(1, 1, c.K, c.S, c.P, c.D).forward(torch.zeros([1, 1, c.In, c.In]));
            using var y3 = nn.Conv3d(1, 1, c.K, c.S, c.P, c.D).forward(torch.zeros([1, 1, c.In, c.In, c.In]));
            var what = $"input {c.In}, kernel {c.K}, stride {c.S}, padding {c.P}, dilation {c.D}";
            y1.shape[2].ShouldBe(expected, what + " in Conv1d");
            y2.shape[2..].ShouldBe([expected, expected], what + " in Conv2d: the same formula along each dimension");
            y3.shape[2..].ShouldBe([expected, expected, expected], what + " in Conv3d");
        }
    }

    [Fact, Points(1), Step(1)]
    public void OutputSize_explains_a_kernel_that_does_not_fit()
    {
        var error = Should.Throw<ArgumentException>(() => ConvShapes.OutputSize(inputSize: 3, kernel: 5),
            "a kernel of 5 does not fit into an input of 3 without padding (the formula would give -1): " +
            "check the span against the padded input and throw an ArgumentException");

        error.Message.ShouldContain("padding", Case.Insensitive, "say what would make it fit: a smaller kernel or more padding");
    }

    [Fact, Points(2), Step(2)]
    public void Conv_builds_the_convolution_of_the_requested_dimension()
    {
        var expectedTypes = new[] { typeof(Conv1d), typeof(Conv2d), typeof(Conv3d) };
        for (var dims = 1; dims <= 3; dims++)
        {
            var conv = ConvShapes.Conv(dims, inChannels: 3, outChannels: 8, kernel: 3, stride: 2, padding: 1, dilation: 1);

            conv.ShouldBeOfType(expectedTypes[dims - 1], $"dims {dims} is nn.Conv{dims}d");
            var weight = conv.named_parameters().Single(p => p.name == "weight").parameter;
            weight.shape.ShouldBe(new long[] { 8, 3 }.Concat(Enumerable.Repeat(3L, dims)).ToArray(),
                "a convolution's weight is [out channels, in channels, kernel, ...]: one kernel per (out, in) pair");
            var input = torch.zeros(new long[] { 2, 3 }.Concat(Enumerable.Repeat(11L, dims)).ToArray());
            using var output = conv.forward(input);
            var size = ConvShapes.OutputSize(11, 3, 2, 1, 1);
            output.shape.ShouldBe(new long[] { 2, 8 }.Concat(Enumerable.Repeat(size, dims)).ToArray(),
                "pass stride, padding and dilation on to the layer");
        }
    }

    [Fact, Points(2), Step(2)]
    public void Conv_passes_the_dilation_on_to_the_layer()
    {
        var conv = ConvShapes.Conv(dims: 2, inChannels: 1, outChannels: 1, kernel: 3, stride: 1, padding: 0, dilation: 3);

        using var output = conv.forward(torch.zeros(1, 1, 20, 20));

        output.shape.ShouldBe([1L, 1L, 14L, 14L], "a 3-wide kernel with dilation 3 spans 7 pixels: 20 - 7 + 1 = 14");
    }

    [Fact, Points(1), Step(2)]
    public void Conv_rejects_dimensions_other_than_1_2_and_3()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => ConvShapes.Conv(dims: 4, 1, 1, 3))
            .ParamName.ShouldBe("dims", "say which argument is wrong and what it may be");
    }
}
