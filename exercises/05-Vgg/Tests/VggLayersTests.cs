using TorchSharp.Modules;
using static Katas.Vgg.VggConfigs;
using F = TorchSharp.torch.nn.functional;

namespace Katas.Vgg.Tests;

public class VggLayersTests
{
    [Fact, Points(2), Step(2)]
    public void A_number_becomes_a_3x3_convolution_with_padding_1_followed_by_a_relu()
    {
        Seeding.Seed(1);
        var layers = VggLayers.MakeLayers([8], batchNorm: false);
        var x = torch.randn(2, 3, 5, 5);

        using var y = layers.forward(x);

        Layers.Kinds(layers).ShouldBe(["Conv2d", "ReLU"],
            "one number makes a Conv2d followed by its ReLU, and nothing else when batchNorm is false");
        var (w, b) = Layers.Conv(layers, 0);
        w.shape.ShouldBe([8L, 3L, 3L, 3L], "8 output channels, 3 input channels (RGB), a 3x3 kernel");
        y.shape.ShouldBe([2L, 8L, 5L, 5L], "padding 1 keeps a 3x3 convolution's output as large as its input (5x5 stays 5x5)");
        var expected = F.relu(F.conv2d(x, w, b, padding: [1, 1]));
        y.ShouldBeClose(expected, rtol: 1e-5, atol: 1e-6, "the layers compute relu(conv2d(x, weight, bias, padding: 1))");
    }

    [Fact, Points(2), Step(2)]
    public void M_becomes_a_2x2_max_pool_with_stride_2()
    {
        Seeding.Seed(2);
        var layers = Calls.Expect(() => VggLayers.MakeLayers([4, M], batchNorm: false),
            "MakeLayers rejected M itself: M is a max-pool, not a bad entry; once its pool is added, go on to the next entry");
        var x = torch.randn(1, 3, 8, 8);

        using var y = layers.forward(x);

        Layers.Kinds(layers).ShouldBe(["Conv2d", "ReLU", "MaxPool2d"], "M adds a max-pool (MaxPool2d) after the convolution's ReLU");
        y.shape.ShouldBe([1L, 4L, 4L, 4L], "M halves height and width: MaxPool2d(kernel_size: 2, stride: 2) turns 8x8 into 4x4");
        var (w, b) = Layers.Conv(layers, 0);
        var expected = F.max_pool2d(F.relu(F.conv2d(x, w, b, padding: [1, 1])), kernel_size: 2, stride: 2);
        y.ShouldBeClose(expected, rtol: 1e-5, atol: 1e-6, "M is MaxPool2d(kernel_size: 2, stride: 2): the largest of every 2x2 square");
    }

    [Fact, Points(1), Step(2)]
    public void Each_convolution_takes_the_previous_ones_output_channels()
    {
        var layers = VggLayers.MakeLayers([8, M, 16, 16], batchNorm: false);

        Layers.Parameters(layers).ShouldBe([
            ("0.weight", "8x3x3x3"), ("0.bias", "8"),
            ("3.weight", "16x8x3x3"), ("3.bias", "16"),
            ("5.weight", "16x16x3x3"), ("5.bias", "16")],
            "a convolution's input channels are the previous convolution's output channels; layers are named by position");
    }

    [Fact, Points(2), Step(2)]
    public void With_batch_norm_every_convolution_is_followed_by_BatchNorm2d_then_ReLU()
    {
        var layers = VggLayers.MakeLayers([8, M, 16], batchNorm: true);

        Layers.Kinds(layers).Count(k => k == "BatchNorm2d").ShouldBe(2, "batchNorm: true adds a BatchNorm2d after every convolution");
        Layers.Kinds(layers).ShouldBe(["Conv2d", "BatchNorm2d", "ReLU", "MaxPool2d", "Conv2d", "BatchNorm2d", "ReLU"],
            "the order is conv, batch norm, ReLU (as the seed's make_layers and TorchVision's vgg16_bn)");
        // The convolutions first: a wrong one (inChannels not carried on) is not a batch-norm mistake.
        Layers.Parameters(layers).Where(p => p.Item1 is "0.weight" or "4.weight").ShouldBe([("0.weight", "8x3x3x3"), ("4.weight", "16x8x3x3")],
            "before the batch norms, the convolutions: each reads the channels the one before it wrote (3 for the first), so the second is 16x8x3x3");
        Layers.Parameters(layers).ShouldBe([
            ("0.weight", "8x3x3x3"), ("0.bias", "8"), ("1.weight", "8"), ("1.bias", "8"),
            ("4.weight", "16x8x3x3"), ("4.bias", "16"), ("5.weight", "16"), ("5.bias", "16")],
            "BatchNorm2d(n) after a convolution with n output channels: it learns a scale (weight) and a shift (bias) per channel");
        Layers.Buffers(layers).ShouldBe([
            ("1.running_mean", "8"), ("1.running_var", "8"), ("1.num_batches_tracked", ""),
            ("5.running_mean", "16"), ("5.running_var", "16"), ("5.num_batches_tracked", "")],
            "and it keeps running statistics per channel (buffers: saved in the state dict, not trained)");
    }

    [Fact, Points(1), Step(2)]
    public void The_input_channels_are_3_unless_told_otherwise()
    {
        var rgb = VggLayers.MakeLayers([8], batchNorm: false);
        var grey = VggLayers.MakeLayers([8], batchNorm: false, inChannels: 1);

        Layers.Conv(rgb, 0).Weight.shape.ShouldBe([8L, 3L, 3L, 3L], "VGG reads RGB images: 3 input channels by default");
        Layers.Conv(grey, 0).Weight.shape.ShouldBe([8L, 1L, 3L, 3L], "inChannels: 1 for grey images such as MNIST");
    }

    [Fact, Points(1), Step(2)]
    public void An_entry_that_is_neither_a_channel_count_nor_M_is_rejected_with_its_position()
    {
        var error = Calls.Fails<ArgumentException>(() => VggLayers.MakeLayers([64, 0, M], batchNorm: false),
            "an entry of 0 is neither a channel count nor M: MakeLayers rejects it with an ArgumentException, before building a layer from it");

        error.Message.ShouldContain("config[1]", Case.Sensitive, "say which entry is wrong");
        error.Message.ShouldContain("M", Case.Sensitive, "say what is allowed: a positive channel count or M");
    }
}
