namespace Katas.Vgg.Tests;

/// <summary>The seed's thirteen-attribute VGG-16 and the one-line config build the same network.</summary>
public class LongVersusConfigTests
{
    [Fact, Points(2), Step(2)]
    public void MakeLayers_of_the_vgg16_config_has_the_parameter_shapes_of_the_seeds_long_vgg16_in_the_same_order()
    {
        using var meta = new MetaDevice();

        var fromConfig = VggLayers.MakeLayers(VggConfigs.Vgg16, batchNorm: true);

        var longOne = new LongVgg16(numClasses: 10);
        Layers.Parameters(fromConfig).Select(p => p.Shape).ShouldBe(longOne.Blocks.SelectMany(Layers.Parameters).Select(p => p.Shape),
            "thirteen conv1..conv13 attributes and the config [64, 64, M, ..., 512, M] describe the same layers");
        Layers.Buffers(fromConfig).Select(b => b.Shape).ShouldBe(longOne.Blocks.SelectMany(Layers.Buffers).Select(b => b.Shape),
            "and the same batch norms");
    }

    [Fact, Points(2), Step(2)]
    public void With_the_same_weights_both_constructions_compute_the_same_features()
    {
        Seeding.Seed(5);
        var fromConfig = VggLayers.MakeLayers(VggConfigs.Vgg16, batchNorm: true);
        var longOne = new LongVgg16(numClasses: 10);
        // Copy the long network's weights into the config-built one, in order (names differ: "conv1.0.weight" vs "0.weight").
        var source = longOne.Blocks.SelectMany(b => b.parameters()).Concat(longOne.Blocks.SelectMany(b => b.buffers())).ToList();
        var target = fromConfig.parameters().Concat(fromConfig.buffers()).ToList();
        target.Count.ShouldBe(source.Count, "both have the same number of parameters and buffers");
        var shapes = target.Zip(source).Select((pair, i) => (i, To: pair.First.shape, From: pair.Second.shape))
            .FirstOrDefault(p => !p.To.SequenceEqual(p.From));
        if (shapes.To is not null)
            throw new ShouldAssertException($"tensor {shapes.i} of MakeLayers(Vgg16) is [{string.Join(", ", shapes.To)}] where the written-out VGG-16's is " +
                $"[{string.Join(", ", shapes.From)}]: each convolution reads the channels the one before it wrote (3 for the first)");
        using (torch.no_grad())
            foreach (var (to, from) in target.Zip(source))
                to.copy_(from);
        fromConfig.eval();
        longOne.eval();
        var x = torch.randn(2, 3, 32, 32);
        using var _ = torch.no_grad();

        using var actual = fromConfig.forward(x);

        var expected = longOne.Blocks.Aggregate(x, (h, block) => block.forward(h));
        actual.ShouldBeClose(expected, rtol: 1e-5, atol: 1e-6,
            "the refactoring is exact: the Sequential from the config computes what conv1(...conv13) computes");
    }
}
