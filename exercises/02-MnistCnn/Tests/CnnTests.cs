using TorchSharp.Modules;

namespace Katas.MnistCnn.Tests;

public class CnnTests
{
    [Fact, Points(2), Step(3)]
    public void Cnn_has_the_seed_networks_layers()
    {
        var cnn = new Cnn();

        var shapes = cnn.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);
        shapes.Keys.ShouldBe(
            ["conv1.0.weight", "conv1.0.bias", "conv2.0.weight", "conv2.0.bias", "output.weight", "output.bias"],
            ignoreOrder: true,
            "conv1 and conv2 are Sequentials whose first layer is the Conv2d; output is the Linear. Call RegisterComponents().");
        shapes["conv1.0.weight"].ShouldBe([16L, 1L, 5L, 5L], "conv1: Conv2d(1 -> 16, kernel 5); a conv weight is [out, in, k, k]");
        shapes["conv2.0.weight"].ShouldBe([32L, 16L, 5L, 5L], "conv2: Conv2d(16 -> 32, kernel 5)");
        shapes["output.weight"].ShouldBe([10L, 32L * 7 * 7], "output: Linear(32 * 7 * 7 -> 10)");
        cnn.conv1.children().Select(m => m.GetType()).ShouldBe([typeof(Conv2d), typeof(ReLU), typeof(MaxPool2d)], "conv1 = Conv2d + ReLU + MaxPool2d");
        cnn.conv2.children().Select(m => m.GetType()).ShouldBe([typeof(Conv2d), typeof(ReLU)], "conv2 = Conv2d + ReLU");
    }

    [Fact, Points(2), Step(4)]
    public void Each_block_gives_the_shape_of_the_seed()
    {
        var cnn = new Cnn();
        using var x = torch.rand(4, 1, 28, 28);

        using var afterConv1 = cnn.conv1.forward(x);
        afterConv1.shape.ShouldBe([4L, 16L, 7L, 7L], "conv1: stride 2 halves 28 to 14, MaxPool2d(2) halves it again to 7");
        using var afterConv2 = cnn.conv2.forward(afterConv1);
        afterConv2.shape.ShouldBe([4L, 32L, 7L, 7L], "conv2: stride 1 with padding 2 keeps 7x7 (a 5x5 kernel needs 2 pixels of padding on each side)");

        // The blocks are right; now the whole forward, whose failures are put in words (flatten).
        Reference.ForwardShouldBeTheSeeds(cnn, x);
    }

    [Fact, Points(1), Step(3)]
    public void Cnn_has_28938_parameters()
    {
        var cnn = new Cnn();

        // conv1 16*1*5*5 + 16, conv2 32*16*5*5 + 32, output 10*1568 + 10
        cnn.parameters().Sum(p => p.numel()).ShouldBe(416 + 12_832 + 15_690);
    }

    [Fact, Points(2), Step(4)]
    public void Forward_is_conv1_then_conv2_then_flatten_then_output()
    {
        Seeding.Seed(1);
        var cnn = new Cnn();
        using var x = torch.rand(3, 1, 28, 28);

        Reference.ForwardShouldBeTheSeeds(cnn, x);
    }
}
