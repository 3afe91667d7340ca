using TorchSharp.Modules;
using static Katas.Vgg.VggConfigs;
using F = TorchSharp.torch.nn.functional;

namespace Katas.Vgg.Tests;

public class VggTests
{
    // TorchVision's counts for 1000 classes (torchvision.models.vgg11(), ..., vgg19_bn()).
    [Theory, Points(1), Step(3)]
    [InlineData(11, false, 132_863_336L)]
    [InlineData(13, false, 133_047_848L)]
    [InlineData(16, false, 138_357_544L)]
    [InlineData(19, false, 143_667_240L)]
    [InlineData(11, true, 132_868_840L)]
    [InlineData(13, true, 133_053_736L)]
    [InlineData(16, true, 138_365_992L)]
    [InlineData(19, true, 143_678_248L)]
    public void The_parameter_count_equals_torchvisions(int depth, bool batchNorm, long expected)
    {
        using var meta = new MetaDevice();

        var vgg = new Vgg(Configs.ByDepth(depth), batchNorm, numClasses: 1000);

        vgg.parameters().ShouldNotBeEmpty("the VGG has no parameters at all: its layers are registered only when the constructor ends with RegisterComponents()");
        vgg.parameters().Sum(p => p.numel()).ShouldBe(expected,
            $"vgg{depth}{(batchNorm ? "_bn" : "")} has {expected:N0} parameters in TorchVision; most of them (about 120 M) " +
            "are the classifier's: Linear(512 * 7 * 7, 4096), Linear(4096, 4096), Linear(4096, 1000)");
    }

    [Theory, Points(2), Step(3)]
    [InlineData(false)]
    [InlineData(true)]
    public void Vgg16_has_the_state_dict_keys_and_shapes_of_torchvisions_vgg16(bool batchNorm)
    {
        using var meta = new MetaDevice();

        var ours = new Vgg(VggConfigs.Vgg16, batchNorm, numClasses: 1000);

        var reference = batchNorm ? torchvision.models.vgg16_bn(device: torch.device("meta")) : torchvision.models.vgg16(device: torch.device("meta"));
        Layers.Shapes(ours).ShouldBe(Layers.Shapes(reference),
            "same names, same shapes, same order as TorchVision: then its weights (and PyTorch's) load into your VGG");
    }

    [Fact, Points(2), Step(4)]
    public void Vgg16_maps_a_224x224_rgb_image_to_1000_class_scores()
    {
        Seeding.Seed(0);
        var vgg = new Vgg(VggConfigs.Vgg16); // a real one: 550 MB of weights
        vgg.eval();
        using var _ = torch.no_grad();

        using var scores = vgg.forward(torch.randn(1, 3, 224, 224));

        scores.shape.ShouldBe([1L, 1000L], "one row of scores per image, one score per ImageNet class: keep the batch dimension, even for one image");
        scores.isfinite().all().item<bool>().ShouldBeTrue();
    }

    [Fact, Points(2), Step(4)]
    public void Forward_is_features_then_avgpool_then_flatten_then_the_classifier()
    {
        Seeding.Seed(3);
        var vgg = new Vgg([8, M, 16, M], numClasses: 5, pooledSize: 2, hidden: 12);
        vgg.eval(); // dropout off: the output is deterministic
        var x = torch.randn(3, 3, 16, 16);

        using var actual = Calls.Expect(() => vgg.forward(x),
            "forward failed on a batch of 3 images: features, then avgpool, then torch.flatten(x, 1), then the classifier");

        using var _ = torch.no_grad();
        var w = vgg.classifier.state_dict();
        var h = torch.flatten(F.adaptive_avg_pool2d(vgg.features.forward(x), [2, 2]), 1);
        h = F.relu(F.linear(h, w["0.weight"], w["0.bias"]));
        h = F.relu(F.linear(h, w["3.weight"], w["3.bias"]));
        var expected = F.linear(h, w["6.weight"], w["6.bias"]);
        actual.ShouldBeClose(expected, rtol: 1e-5, atol: 1e-6,
            "forward = classifier(flatten(avgpool(features(x)), 1)), and the classifier is " +
            "Linear, ReLU, Dropout, Linear, ReLU, Dropout, Linear (positions 0, 3, 6 hold the Linear layers)");
    }

    [Fact, Points(1), Step(3)]
    public void The_classifier_reads_the_last_convolutions_channels_times_pooledSize_squared()
    {
        var vgg = new Vgg([8, M, 24, M], numClasses: 7, pooledSize: 2, hidden: 10);

        var shapes = Layers.Shapes(vgg.classifier).ToDictionary(s => s.Name, s => s.Shape);

        shapes.Keys.ToArray().ShouldBe(["0.weight", "0.bias", "3.weight", "3.bias", "6.weight", "6.bias"],
            customMessage: "the classifier is Linear, ReLU, Dropout, Linear, ReLU, Dropout, Linear: its Linear layers sit at positions 0, 3 and 6");
        var first = vgg.classifier.children().First().ShouldBeOfType<Linear>();
        first.in_features.ShouldBe(96, "the first Linear reads 24 channels (the LAST convolution's) x 2 x 2 pooled positions = 96 features");
        first.out_features.ShouldBe(10, "the first Linear has `hidden` (here 10) units");
        shapes["3.weight"].ShouldBe("10x10", "hidden -> hidden");
        shapes["6.weight"].ShouldBe("7x10", "hidden -> numClasses");
    }

    [Fact, Points(1), Step(4)]
    public void Forward_keeps_the_batch_dimension_for_one_image_and_for_many()
    {
        var vgg = new Vgg([8, M], numClasses: 5, pooledSize: 2, hidden: 12);
        vgg.eval();
        using var _ = torch.no_grad();

        using var one = Calls.Expect(() => vgg.forward(torch.randn(1, 3, 8, 8)),
            "forward failed on one 8x8 image: flatten keeps the batch dimension (torch.flatten(x, 1)) so the classifier reads [batch, C * pooledSize * pooledSize]");
        using var many = Calls.Expect(() => vgg.forward(torch.randn(4, 3, 8, 8)),
            "forward failed on a batch of 4 images: flatten keeps the batch dimension (torch.flatten(x, 1)), or the 4 images become one long row");

        one.shape.ShouldBe([1L, 5L], "one image gives one row of 5 scores: keep the batch dimension when flattening, even for a batch of one");
        many.shape.ShouldBe([4L, 5L], "4 images give 4 rows of 5 scores");
    }

    [Fact, Points(1), Step(4)]
    public void The_adaptive_pool_lets_any_image_size_reach_the_classifier()
    {
        var vgg = new Vgg([8, M, 16, M], numClasses: 4, pooledSize: 3, hidden: 16);
        vgg.eval();
        using var _ = torch.no_grad();

        using var small = Calls.Expect(() => vgg.forward(torch.randn(2, 3, 12, 12)), $"forward failed on 12x12 images: {WhyForwardFails(vgg, 12)}");
        using var large = Calls.Expect(() => vgg.forward(torch.randn(2, 3, 40, 40)), $"forward failed on 40x40 images: {WhyForwardFails(vgg, 40)}");

        small.shape.ShouldBe([2L, 4L], "after two pools a 12x12 image is 3x3, pooled to 3x3");
        large.shape.ShouldBe([2L, 4L], "a 40x40 image is 10x10 after two pools; AdaptiveAvgPool2d(3) makes it 3x3 too");
    }

    // Which piece of forward is wrong, found by running features, avgpool and the classifier alone on
    // two images: a pool that does not end at pooledSize x pooledSize, a classifier that does not read
    // what the pool gives, or forward itself not chaining them (a missing avgpool, the wrong flatten).
    static string WhyForwardFails(Vgg vgg, int size)
    {
        const string pool = "forward needs avgpool, an AdaptiveAvgPool2d(pooledSize): it brings any image size to pooledSize x pooledSize before the classifier";
        try
        {
            using var features = vgg.features.forward(torch.randn(2, 3, size, size));
            using var pooled = vgg.avgpool.forward(features);
            if (pooled.shape.Length != 4 || pooled.shape[0] != 2 || pooled.shape[2] != 3 || pooled.shape[3] != 3) return pool;
            using var scores = vgg.classifier.forward(pooled.flatten(1));
            return "features, avgpool and the classifier each work on their own (features -> avgpool -> flatten from dimension 1 -> classifier " +
                   $"gives [{string.Join(", ", scores.shape)}]), so forward does not chain them that way: " + pool + ", and the flatten keeps the batch dimension";
        }
        catch (Exception e) when (e is not NotImplementedException)
        {
            return pool;
        }
    }

    [Fact, Points(1), Step(4)]
    public void The_classifier_uses_dropout_while_training_and_not_while_testing()
    {
        Seeding.Seed(4);
        var vgg = new Vgg([8, M], numClasses: 3, pooledSize: 2, hidden: 64);
        var x = torch.randn(4, 3, 8, 8);
        using var _ = torch.no_grad();

        const string fails = "forward failed on four 8x8 images, before dropout could be looked at: the forward tests above say why";
        vgg.train();
        var trainA = Calls.Expect(() => vgg.forward(x), fails);
        var trainB = Calls.Expect(() => vgg.forward(x), fails);
        vgg.eval();
        var evalA = Calls.Expect(() => vgg.forward(x), fails);
        var evalB = Calls.Expect(() => vgg.forward(x), fails);

        trainA.allclose(trainB).ShouldBeFalse("in training mode Dropout zeroes random units, so two passes differ");
        evalA.ShouldEqual(evalB, "in eval mode Dropout does nothing: the output is deterministic");
        var noDropout = new Vgg([8, M], numClasses: 3, pooledSize: 2, hidden: 64, dropout: 0);
        noDropout.train();
        noDropout.forward(x).ShouldEqual(noDropout.forward(x),
            "with dropout: 0 even training is deterministic: the constructor passes its dropout rate to nn.Dropout(dropout)");
    }

    [Fact, Points(1), Step(3)]
    public void Fewer_than_one_class_is_rejected()
    {
        Calls.Fails<ArgumentOutOfRangeException>(() => new Vgg([8, M], numClasses: 0),
            "numClasses 0: a classifier needs at least one class; the constructor rejects it with an ArgumentOutOfRangeException");
    }
}
