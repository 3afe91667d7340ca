using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Katas.Vgg;

/// <summary>The seed's <c>make_layers</c>: a whole stack of layers generated from a config.</summary>
public static class VggLayers
{
    /// <summary>
    /// Builds one <see cref="Sequential"/> holding every layer <paramref name="config"/> describes, in order:
    /// each positive number n is a 3x3 convolution with n output channels and padding 1 (height and width
    /// unchanged), followed by a BatchNorm2d when <paramref name="batchNorm"/> is true, then a ReLU; each
    /// <see cref="VggConfigs.M"/> is a 2x2 max-pool with stride 2 (height and width halved).
    /// </summary>
    /// <param name="config">Output channels and <see cref="VggConfigs.M"/>s, e.g. <see cref="VggConfigs.Vgg16"/>.</param>
    /// <param name="batchNorm">Whether every convolution is followed by batch normalisation (TorchVision's vgg16_bn).</param>
    /// <param name="inChannels">The channels of the images the first convolution reads: 3 for RGB, 1 for grey.</param>
    /// <returns>
    /// The layers, named by position as TorchVision names them ("0.weight", "1.running_mean", ...): a float32
    /// [N, inChannels, H, W] batch goes in, [N, C, H / 2^p, W / 2^p] comes out (C the last convolution's
    /// channels, p the number of M's). The layers are built on the default device, as any module is.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="config"/> is null.</exception>
    /// <exception cref="ArgumentException">An entry is neither a positive channel count nor M; the message names its position (config[i]) and what is allowed.</exception>
    public static Sequential MakeLayers(int[] config, bool batchNorm, int inChannels = 3)
    {
        // TODO 2 — the seed's make_layers: a loop turns the config into layers, so that a network of any
        //  depth is one line of data. What each entry becomes is the contract above; what to keep in mind
        //  is that a convolution can only read what the layer before it produced, and that the names the
        //  layers get depend only on their order (which is how TorchVision's weights find their place).
        //  Check every entry as you meet it: a bad config should fail here, naming the entry, not deep in
        //  a forward pass.
        throw new NotImplementedException("TODO 2: write VggLayers.MakeLayers (the seed's make_layers). See README step 2.");
    }
}
