using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Katas.Vgg;

/// <summary>VGG as TorchVision builds it: features, avgpool, classifier.</summary>
public sealed class Vgg : Module<Tensor, Tensor>
{
    public readonly Sequential features;
    public readonly AdaptiveAvgPool2d avgpool;
    public readonly Sequential classifier;

    public Vgg(int[] config, bool batchNorm = false, int numClasses = 1000, int inChannels = 3,
        int pooledSize = 7, int hidden = 4096, double dropout = 0.5) : base(nameof(Vgg))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numClasses, 1);
        features = VggLayers.MakeLayers(config, batchNorm, inChannels);
        // The channels that reach the classifier: the last convolution's (or the input's, if none).
        var channels = config.Where(v => v != VggConfigs.M).DefaultIfEmpty(inChannels).Last();
        avgpool = AdaptiveAvgPool2d(pooledSize);
        classifier = Sequential(
            Linear(channels * pooledSize * pooledSize, hidden), ReLU(), Dropout(dropout),
            Linear(hidden, hidden), ReLU(), Dropout(dropout),
            Linear(hidden, numClasses));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var pooled = avgpool.forward(features.forward(x));
        return classifier.forward(torch.flatten(pooled, 1)); // flatten(1): keep the batch dimension
    }
}
