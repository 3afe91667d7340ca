using TorchSharp.Modules;

namespace Katas.Layers.Tests;

public class BlocksTests
{
    [Fact, Points(2), Step(16)]
    public void Build_makes_chapter_2s_CNN_from_its_description()
    {
        LayerSpec[] spec =
        [
            new Conv2dSpec(16, Kernel: 5, Stride: 2, Padding: 2), new ReLUSpec(), new MaxPool2dSpec(2),
            new Conv2dSpec(32, Kernel: 5, Padding: 2), new ReLUSpec(),
            new FlattenSpec(), new LinearSpec(10),
        ];

        var net = Blocks.Build(spec, inputShape: [1, 28, 28]);

        var linear = net.children().OfType<Linear>().ShouldHaveSingleItem("one LinearSpec, one Linear layer");
        linear.weight!.shape[1].ShouldBe(32 * 7 * 7,
            "the Linear layer gets 32 * 7 * 7 = 1568 features: conv1 (kernel 5, stride 2, padding 2) takes 28 to 14, " +
            "max-pooling halves 14 to 7, conv2 (kernel 5, padding 2) keeps 7. Follow the shape through every layer with OutputSize");
        net.parameters().Sum(p => p.numel()).ShouldBe(28_938, "the same layers as chapter 2's Cnn have the same 28,938 parameters");
        using var scores = net.forward(torch.rand(3, 1, 28, 28));
        scores.shape.ShouldBe([3L, 10L], "one score per digit for each of the 3 images");
    }

    [Fact, Points(3), Step(16)]
    public void Build_works_out_every_layers_input_size_from_the_shapes_before_it()
    {
        LayerSpec[] spec =
        [
            new Conv2dSpec(8, Kernel: 3, Padding: 1), new BatchNorm2dSpec(), new ReLUSpec(), new MaxPool2dSpec(2),   // [8, 16, 16]
            new Conv2dSpec(16, Kernel: 3, Padding: 1), new BatchNorm2dSpec(), new ReLUSpec(), new MaxPool2dSpec(2),  // [16, 8, 8]
            new FlattenSpec(), new DropoutSpec(0.5), new LinearSpec(10),                                             // 1024 -> 10
        ];

        var net = Blocks.Build(spec, inputShape: [3, 32, 32]);

        net.children().Select(m => m.GetType()).ShouldBe(
            [typeof(Conv2d), typeof(BatchNorm2d), typeof(ReLU), typeof(MaxPool2d), typeof(Conv2d), typeof(BatchNorm2d), typeof(ReLU),
             typeof(MaxPool2d), typeof(Flatten), typeof(Dropout), typeof(Linear)],
            "one TorchSharp layer per entry, in order");
        // conv 8*3*9 + 8, bn 2*8, conv 16*8*9 + 16, bn 2*16, linear 1024*10 + 10
        net.parameters().Sum(p => p.numel()).ShouldBe(224 + 16 + 1168 + 32 + 10_250,
            "BatchNorm2d gets the channels arriving (8, then 16); Linear gets 16 * 8 * 8 = 1024 features");
        net.eval();
        using var scores = net.forward(torch.rand(2, 3, 32, 32));
        scores.shape.ShouldBe([2L, 10L]);
    }

    [Fact, Points(1), Step(16)]
    public void Build_explains_a_Linear_that_comes_before_Flatten()
    {
        LayerSpec[] spec = [new Conv2dSpec(4, Kernel: 3), new LinearSpec(10)];

        Should.Throw<ArgumentException>(() => Blocks.Build(spec, inputShape: [1, 8, 8]),
                "a Linear right after a Conv2d would get images [4, 6, 6], not features: Build refuses it with an ArgumentException")
            .Message.ShouldContain("Flatten", Case.Insensitive, "a Linear needs flat features: say to put a FlattenSpec before it");
    }

    [Fact, Points(1), Step(16)]
    public void Build_explains_an_image_layer_that_comes_after_Flatten()
    {
        LayerSpec[] spec = [new FlattenSpec(), new Conv2dSpec(4, Kernel: 3)];

        Should.Throw<ArgumentException>(() => Blocks.Build(spec, inputShape: [1, 8, 8]),
                "a Conv2d after the FlattenSpec would get 64 features, not an image: Build refuses it with an ArgumentException")
            .Message.ShouldContain("Flatten", Case.Insensitive, "a Conv2d needs images [C, H, W]: say that image layers come before the FlattenSpec");
    }
}
