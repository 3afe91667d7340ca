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

    /// <summary>Builds the three parts: <c>features</c> from <paramref name="config"/>, <c>avgpool</c> and <c>classifier</c>.</summary>
    /// <param name="config">The convolutions and pools (<see cref="VggConfigs"/>; see <see cref="VggLayers.MakeLayers"/>).</param>
    /// <param name="batchNorm">Batch normalisation after every convolution.</param>
    /// <param name="numClasses">The classifier's outputs: one score per class (at least 1).</param>
    /// <param name="inChannels">The input images' channels: 3 for RGB, 1 for grey.</param>
    /// <param name="pooledSize">The height and width avgpool brings any feature map to.</param>
    /// <param name="hidden">The units of the classifier's two hidden Linear layers.</param>
    /// <param name="dropout">The probability of each Dropout in the classifier (0: no dropout).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="numClasses"/> is less than 1.</exception>
    /// <exception cref="ArgumentException">The config has an entry that is neither a channel count nor M (from MakeLayers).</exception>
    public Vgg(int[] config, bool batchNorm = false, int numClasses = 1000, int inChannels = 3,
        int pooledSize = 7, int hidden = 4096, double dropout = 0.5) : base(nameof(Vgg))
    {
        // TODO 3 — the three parts, as TorchVision arranges them, so that its parameter names are yours.
        //  The one number to work out is what the classifier's first Linear reads: whatever leaves avgpool,
        //  flattened. It depends on the config and on pooledSize, never on the image size: that is what
        //  the adaptive pool buys. Arguments are checked here, when the model is built, not at its first use.
        throw new NotImplementedException("TODO 3: build features, avgpool and classifier (Vgg constructor). See README step 3.");
    }

    /// <summary>The class scores of a batch of images.</summary>
    /// <param name="x">float32 [N, inChannels, H, W], on the device the model is on; H and W at least 2^(number of M's).</param>
    /// <returns>float32 [N, numClasses] raw scores (logits; no softmax), one row per image, even when N is 1.</returns>
    public override Tensor forward(Tensor x)
    {
        // TODO 4 — The three parts the constructor built, in the order torchvision runs them. A
        //  convolution thinks in maps, a Linear layer in rows: between them each image's maps have to
        //  become one row, and the result must still say which row is which image.
        throw new NotImplementedException("TODO 4: write Vgg.forward (features -> avgpool -> flatten -> classifier). See README step 4.");
    }
}
