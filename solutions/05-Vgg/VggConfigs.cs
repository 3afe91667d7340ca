namespace Katas.Vgg;

/// <summary>VGG networks written as configs: a number is a 3x3 convolution's output channels, M a 2x2 max-pool.</summary>
public static class VggConfigs
{
    public const int M = -1;

    // Properties, not fields: every call gets its own array, so no caller can change the config for another.
    public static int[] Vgg11 => [64, M, 128, M, 256, 256, M, 512, 512, M, 512, 512, M];
    public static int[] Vgg13 => [64, 64, M, 128, 128, M, 256, 256, M, 512, 512, M, 512, 512, M];
    public static int[] Vgg16 => [64, 64, M, 128, 128, M, 256, 256, 256, M, 512, 512, 512, M, 512, 512, 512, M];
    public static int[] Vgg19 => [64, 64, M, 128, 128, M, 256, 256, 256, 256, M, 512, 512, 512, 512, M, 512, 512, 512, 512, M];
}
