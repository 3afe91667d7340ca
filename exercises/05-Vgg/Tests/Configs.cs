namespace Katas.Vgg.Tests;

/// <summary>Test helpers about configs: the paper's VGGs by depth, and a config split into its blocks.</summary>
internal static class Configs
{
    public static int[] ByDepth(int depth) => depth switch
    {
        11 => VggConfigs.Vgg11,
        13 => VggConfigs.Vgg13,
        16 => VggConfigs.Vgg16,
        19 => VggConfigs.Vgg19,
        _ => throw new ArgumentOutOfRangeException(nameof(depth), depth, "the paper's VGGs are 11, 13, 16 and 19 layers deep"),
    };

    /// <summary>The convolutions' channels between one M and the next.</summary>
    public static List<List<int>> Blocks(int[] config)
    {
        var blocks = new List<List<int>> { new() };
        foreach (var v in config)
            if (v == VggConfigs.M) blocks.Add([]);
            else blocks[^1].Add(v);
        if (blocks[^1].Count == 0) blocks.RemoveAt(blocks.Count - 1);
        return blocks;
    }
}
