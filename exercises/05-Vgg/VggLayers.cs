using TorchSharp.Modules;

namespace Katas.Vgg;

/// <summary>The seed's <c>make_layers</c>: a whole stack of layers generated from a config.</summary>
public static class VggLayers
{
    /// <summary>
    /// Builds one Sequential from <paramref name="config"/>: every number n becomes
    /// Conv2d(inChannels, n, kernel 3, padding 1) [+ BatchNorm2d(n)] + ReLU, and n becomes the next
    /// layer's input channels; every <see cref="VggConfigs.M"/> becomes MaxPool2d(kernel 2, stride 2).
    /// </summary>
    /// <exception cref="ArgumentException">An entry is neither a positive channel count nor M.</exception>
    public static Sequential MakeLayers(int[] config, bool batchNorm, int inChannels = 3)
    {
        // TODO 2 — the seed's make_layers, in C#:
        //  (the code itself: hint level 3)
        //    foreach v in config:
        //        M  -> nn.MaxPool2d(kernel_size: 2, stride: 2)
        //        n  -> nn.Conv2d(inChannels, n, kernel_size: 3, padding: 1),
        //              then nn.BatchNorm2d(n) if batchNorm, then nn.ReLU();  inChannels = n
        //    return nn.Sequential(layers)   // Python's Sequential(*layers)
        //  Layers in a Sequential are named by position ("0.weight", "1.running_mean", ...), so keep
        //  exactly this order: TorchVision's VGG names its parameters the same way.
        //  Reject an entry that is neither M nor a positive number with an ArgumentException that
        //  names its position and value, and says what is allowed.
        throw new NotImplementedException("TODO 2: write VggLayers.MakeLayers (the seed's make_layers). See README step 2.");
    }
}
