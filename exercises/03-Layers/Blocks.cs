using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Katas.Layers;

/// <summary>Pick your blocks: a network from a short description.</summary>
public static class Blocks
{
    /// <summary>
    /// One TorchSharp layer per entry of <paramref name="spec"/>, in order, in a Sequential, for items
    /// of shape <paramref name="inputShape"/> ([C, H, W] for images, no batch dimension). Every input size
    /// the description leaves out (a Conv2d's or BatchNorm2d's channels, a Linear's features) is worked
    /// out from the shape of one item as it flows through the layers before.
    /// </summary>
    /// <exception cref="ArgumentException">Thrown for an image layer (Conv2d, MaxPool2d, BatchNorm2d) where items are flat, a Linear where they are images (both messages mention the FlattenSpec), or an unknown entry.</exception>
    public static Sequential Build(IEnumerable<LayerSpec> spec, long[] inputShape)
    {
        // TODO 16 — This is how you design a network on paper: keep track of the shape of one item, layer
        //  by layer, and every size falls out of the one before (step 1 gives the convolutions' and the
        //  poolings'). A description that cannot work should be refused here, with the reason, rather
        //  than fail when the first batch flows through it.
        throw new NotImplementedException("TODO 16: write Blocks.Build (a Sequential from a layer list). See README step 16.");
    }
}
