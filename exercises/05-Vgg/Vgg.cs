using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Katas.Vgg;

/// <summary>
/// VGG as TorchVision builds it: <c>features</c> (the layers from a config), <c>avgpool</c>
/// (AdaptiveAvgPool2d to pooledSize x pooledSize) and <c>classifier</c>
/// (Linear -> ReLU -> Dropout -> Linear -> ReLU -> Dropout -> Linear).
/// </summary>
/// <remarks>
/// The defaults are ImageNet's VGG: 3 input channels, 7x7 pooling, 4096 hidden units, 1000 classes.
/// Smaller values make the same architecture small enough for MNIST on a CPU (README step 5).
/// </remarks>
public sealed class Vgg : Module<Tensor, Tensor>
{
    // The field names are the parameter names' prefixes: "features.0.weight", "classifier.6.bias".
    public readonly Sequential features;
    public readonly AdaptiveAvgPool2d avgpool;
    public readonly Sequential classifier;

    public Vgg(int[] config, bool batchNorm = false, int numClasses = 1000, int inChannels = 3,
        int pooledSize = 7, int hidden = 4096, double dropout = 0.5) : base(nameof(Vgg))
    {
        // TODO 3 — the three parts:
        //    features   = VggLayers.MakeLayers(config, batchNorm, inChannels)
        //    avgpool    = nn.AdaptiveAvgPool2d(pooledSize)      // any input size -> pooledSize x pooledSize
        //    classifier = nn.Sequential(
        //        nn.Linear(C * pooledSize * pooledSize, hidden), nn.ReLU(), nn.Dropout(dropout),
        //        nn.Linear(hidden, hidden),                      nn.ReLU(), nn.Dropout(dropout),
        //        nn.Linear(hidden, numClasses))
        //  where C is the last channel count in the config (512 for the VGGs of the paper).
        //  Then RegisterComponents(). Reject numClasses < 1 with an ArgumentOutOfRangeException.
        throw new NotImplementedException("TODO 3: build features, avgpool and classifier (Vgg constructor). See README step 3.");
    }

    public override Tensor forward(Tensor x)
    {
        // TODO 4 — features, then avgpool, then flatten everything but the batch dimension
        //  (torch.flatten(x, 1), the seed's x.view(x.size(0), -1)), then classifier.
        throw new NotImplementedException("TODO 4: write Vgg.forward (features -> avgpool -> flatten -> classifier). See README step 4.");
    }
}
