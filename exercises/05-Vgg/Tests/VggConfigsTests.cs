using static Katas.Vgg.VggConfigs;

namespace Katas.Vgg.Tests;

public class VggConfigsTests
{
    [Fact, Points(1), Step(1)]
    public void Vgg16_is_the_seeds_config()
    {
        VggConfigs.Vgg16.ShouldBe([64, 64, M, 128, 128, M, 256, 256, 256, M, 512, 512, 512, M, 512, 512, 512, M],
            "VGG-16 is [64, 64, M, 128, 128, M, 256, 256, 256, M, 512, 512, 512, M, 512, 512, 512, M] (README step 1)");
    }

    [Theory, Points(1), Step(1)]
    [InlineData(11, new[] { 1, 1, 2, 2, 2 })]
    [InlineData(13, new[] { 2, 2, 2, 2, 2 })]
    [InlineData(16, new[] { 2, 2, 3, 3, 3 })]
    [InlineData(19, new[] { 2, 2, 4, 4, 4 })]
    public void Each_vgg_has_five_blocks_of_64_128_256_512_512_channels_each_ending_in_a_max_pool(int depth, int[] convolutionsPerBlock)
    {
        var config = Configs.ByDepth(depth);

        config[^1].ShouldBe(M, $"VGG-{depth}'s config ends with M: every block ends in a max-pool");
        var blocks = Configs.Blocks(config);
        blocks.Count.ShouldBe(5, $"VGG-{depth} has five blocks, each ending in M");
        int[] channels = [64, 128, 256, 512, 512];
        for (var b = 0; b < 5; b++)
        {
            blocks[b].ShouldAllBe(c => c == channels[b], $"every convolution of block {b + 1} has {channels[b]} output channels");
            blocks[b].Count.ShouldBe(convolutionsPerBlock[b], $"VGG-{depth}'s block {b + 1} has {convolutionsPerBlock[b]} convolution(s)");
        }
        (config.Count(v => v != M) + 3).ShouldBe(depth, $"VGG-{depth} has {depth} weight layers: {depth - 3} convolutions and 3 Linear layers");
    }
}
