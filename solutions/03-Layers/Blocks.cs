using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Katas.Layers;

/// <summary>Pick your blocks: a network from a short description.</summary>
public static class Blocks
{
    public static Sequential Build(IEnumerable<LayerSpec> spec, long[] inputShape)
    {
        var shape = inputShape.ToArray(); // the shape of one item as it flows through: [C, H, W], then [features]
        var layers = new List<Module<Tensor, Tensor>>();
        foreach (var layer in spec)
        {
            switch (layer)
            {
                case Conv2dSpec c:
                    RequireImage(shape, layer);
                    layers.Add(Conv2d(shape[0], c.OutChannels, c.Kernel, c.Stride, c.Padding));
                    shape = [c.OutChannels, ConvShapes.OutputSize(shape[1], c.Kernel, c.Stride, c.Padding),
                        ConvShapes.OutputSize(shape[2], c.Kernel, c.Stride, c.Padding)];
                    break;
                case MaxPool2dSpec p:
                    RequireImage(shape, layer);
                    layers.Add(MaxPool2d(p.Kernel));
                    shape = [shape[0], ConvShapes.OutputSize(shape[1], p.Kernel, p.Kernel), ConvShapes.OutputSize(shape[2], p.Kernel, p.Kernel)];
                    break;
                case BatchNorm2dSpec:
                    RequireImage(shape, layer);
                    layers.Add(BatchNorm2d(shape[0]));
                    break;
                case ReLUSpec:
                    layers.Add(ReLU());
                    break;
                case DropoutSpec d:
                    layers.Add(Dropout(d.P));
                    break;
                case FlattenSpec:
                    layers.Add(Flatten());
                    shape = [shape.Aggregate(1L, (a, b) => a * b)];
                    break;
                case LinearSpec l:
                    if (shape.Length != 1)
                        throw new ArgumentException(
                            $"{layer} needs one row of features per item, but items are [{string.Join(", ", shape)}] here. Put a FlattenSpec before it.", nameof(spec));
                    layers.Add(Linear(shape[0], l.OutFeatures));
                    shape = [l.OutFeatures];
                    break;
                default:
                    throw new ArgumentException($"Blocks.Build does not know {layer}.", nameof(spec));
            }
        }
        return Sequential(layers);
    }

    static void RequireImage(long[] shape, LayerSpec layer)
    {
        if (shape.Length != 3)
            throw new ArgumentException(
                $"{layer} works on images [C, H, W], but items are [{string.Join(", ", shape)}] here. Image layers come before the FlattenSpec.");
    }
}
