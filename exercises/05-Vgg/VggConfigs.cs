namespace Katas.Vgg;

/// <summary>
/// VGG networks written as configs, as in the seed's <c>make_layers(cfg)</c>: a number is a 3x3
/// convolution with that many output channels, <see cref="M"/> is a 2x2 max-pool.
/// </summary>
public static class VggConfigs
{
    /// <summary>A 2x2 max-pool in a config (Python's <c>'M'</c>). Channel counts are positive, so -1 cannot be one.</summary>
    public const int M = -1;

    // TODO 1 — the four configs of the paper (Simonyan & Zisserman, 2014, table 1: columns A, B, D, E).
    //  Why a config at all: the whole architecture becomes data you can read in one line, compare with
    //  the paper's table, and change without touching a layer. README step 1 says what the blocks hold.

    // Each property returns a new array on every call: a caller that changes its copy changes no one else's.

    /// <summary>VGG-11 (configuration A): 8 convolutions in five blocks, each block ending in <see cref="M"/>.</summary>
    public static int[] Vgg11 => throw new NotImplementedException("TODO 1: write the VGG-11 config (VggConfigs.Vgg11). See README step 1.");

    /// <summary>VGG-13 (configuration B): 10 convolutions in five blocks, each block ending in <see cref="M"/>.</summary>
    public static int[] Vgg13 => throw new NotImplementedException("TODO 1: write the VGG-13 config (VggConfigs.Vgg13). See README step 1.");

    /// <summary>VGG-16 (configuration D): 13 convolutions in five blocks, the seed's cfg (18 entries).</summary>
    public static int[] Vgg16 => throw new NotImplementedException("TODO 1: write the VGG-16 config (VggConfigs.Vgg16). See README step 1.");

    /// <summary>VGG-19 (configuration E): 16 convolutions in five blocks, each block ending in <see cref="M"/>.</summary>
    public static int[] Vgg19 => throw new NotImplementedException("TODO 1: write the VGG-19 config (VggConfigs.Vgg19). See README step 1.");
}
