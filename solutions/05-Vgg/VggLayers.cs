using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Katas.Vgg;

/// <summary>The seed's <c>make_layers</c>: a whole stack of layers generated from a config.</summary>
public static class VggLayers
{
    public static Sequential MakeLayers(int[] config, bool batchNorm, int inChannels = 3)
    {
        ArgumentNullException.ThrowIfNull(config);
        var layers = new List<Module<Tensor, Tensor>>();
        for (var i = 0; i < config.Length; i++)
        {
            var v = config[i];
            if (v == VggConfigs.M)
            {
                layers.Add(MaxPool2d(kernel_size: 2, stride: 2));
                continue;
            }
            if (v <= 0)
                throw new ArgumentException(
                    $"config[{i}] is {v}: an entry is either a positive number of output channels (a 3x3 convolution) " +
                    $"or VggConfigs.M (= {VggConfigs.M}, a 2x2 max-pool).", nameof(config));
            // Same order as TorchVision, so that parameter names line up: conv, [bn], relu.
            layers.Add(Conv2d(inChannels, v, kernel_size: 3, padding: 1));
            if (batchNorm) layers.Add(BatchNorm2d(v));
            layers.Add(ReLU());
            inChannels = v;
        }
        return Sequential(layers);
    }
}
