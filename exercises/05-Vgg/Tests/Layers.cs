using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Katas.Vgg.Tests;

/// <summary>Test helpers that look inside a Sequential.</summary>
internal static class Layers
{
    /// <summary>The layer types in order: "Conv2d", "ReLU", ...</summary>
    public static string[] Kinds(Sequential layers) => layers.children().Select(m => m.GetType().Name).ToArray();

    /// <summary>
    /// Every entry of the state dict with its shape ("8x3x3x3"; "" for a scalar). TorchSharp lists all
    /// parameters first, then all buffers (BatchNorm's running_mean, running_var, num_batches_tracked).
    /// </summary>
    public static (string Name, string Shape)[] Shapes(Module module) =>
        module.state_dict().Select(kv => (kv.Key, Shape(kv.Value))).ToArray();

    /// <summary>The parameters in order, with their shapes.</summary>
    public static (string Name, string Shape)[] Parameters(Module module) =>
        module.named_parameters().Select(p => (p.name, Shape(p.parameter))).ToArray();

    /// <summary>The buffers in order, with their shapes.</summary>
    public static (string Name, string Shape)[] Buffers(Module module) =>
        module.named_buffers().Select(b => (b.name, Shape(b.buffer))).ToArray();

    static string Shape(Tensor t) => string.Join("x", t.shape);

    /// <summary>The weight and bias of the convolution at position <paramref name="index"/>.</summary>
    public static (Tensor Weight, Tensor Bias) Conv(Sequential layers, int index)
    {
        var conv = layers.children().ElementAt(index).ShouldBeOfType<Conv2d>($"layer {index} should be a Conv2d");
        return (conv.weight!, conv.bias!);
    }
}
