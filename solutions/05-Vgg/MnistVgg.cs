using static Katas.Vgg.VggConfigs;

namespace Katas.Vgg;

/// <summary>A VGG for MNIST: the same architecture with a small config and a small head.</summary>
public static class MnistVgg
{
    public static int[] Config => [8, M, 16, M, 32, M];

    // 28x28 -> 14 -> 7 -> 3 after three pools: pooling to 3x3 keeps all of it. A tiny head learns
    // faster without dropout; batch norm lets Adam take large steps.
    public static Vgg Create() =>
        new(Config, batchNorm: true, numClasses: 10, inChannels: 1, pooledSize: 3, hidden: 64, dropout: 0);
}
