namespace Katas.Vgg;

/// <summary>
/// VGG networks written as configs, as in the seed's <c>make_layers(cfg)</c>: a number is a 3x3
/// convolution with that many output channels, <see cref="M"/> is a 2x2 max-pool.
/// </summary>
public static class VggConfigs
{
    /// <summary>A 2x2 max-pool in a config (Python's <c>'M'</c>). Channel counts are positive, so -1 cannot be one.</summary>
    public const int M = -1;

    // TODO 1 — the four VGG configs of the paper (Simonyan & Zisserman, 2014, table 1: A, B, D, E).
    //  Each has five blocks of 3x3 convolutions, each block ending in M; the channels per block are
    //  64, 128, 256, 512, 512. Only the number of convolutions per block differs:
    //      VGG-11: 1, 1, 2, 2, 2      VGG-13: 2, 2, 2, 2, 2
    //      VGG-16: 2, 2, 3, 3, 3      VGG-19: 2, 2, 4, 4, 4
    //  VGG-16 as the seed writes it:  [64, 64, M, 128, 128, M, 256, 256, 256, M, 512, 512, 512, M, 512, 512, 512, M]
    //  (11, 13, 16, 19 count the weight layers: the convolutions plus the classifier's three Linear layers.)

    /// <summary>VGG-11 (configuration A): 8 convolutions.</summary>
    public static int[] Vgg11 => throw new NotImplementedException("TODO 1: write the VGG-11 config (VggConfigs.Vgg11). See README step 1.");

    /// <summary>VGG-13 (configuration B): 10 convolutions.</summary>
    public static int[] Vgg13 => throw new NotImplementedException("TODO 1: write the VGG-13 config (VggConfigs.Vgg13). See README step 1.");

    /// <summary>VGG-16 (configuration D): 13 convolutions, the seed's cfg.</summary>
    public static int[] Vgg16 => throw new NotImplementedException("TODO 1: write the VGG-16 config (VggConfigs.Vgg16). See README step 1.");

    /// <summary>VGG-19 (configuration E): 16 convolutions.</summary>
    public static int[] Vgg19 => throw new NotImplementedException("TODO 1: write the VGG-19 config (VggConfigs.Vgg19). See README step 1.");
}
