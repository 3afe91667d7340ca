using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Katas.Layers;

/// <summary>Pick your blocks: a network from a short description.</summary>
public static class Blocks
{
    /// <summary>
    /// One TorchSharp layer per entry of <paramref name="spec"/>, in a Sequential, for items of
    /// shape <paramref name="inputShape"/> ([C, H, W] for images).
    /// </summary>
    /// <exception cref="ArgumentException">Thrown for an argument this member cannot work with (a wrong shape, size, length or entry); the message names it and says what would work.</exception>
    public static Sequential Build(IEnumerable<LayerSpec> spec, long[] inputShape)
    {
        // TODO 16 — walk the spec, keeping the shape of one item as it flows ([C, H, W], then [features]):
        //  (the code itself: hint level 3)
        //    {
        //  (the code itself: hint level 3)
        //                            the new shape is [c.OutChannels, OutputSize(H, ...), OutputSize(W, ...)] (step 1)
        //  (the code itself: hint level 3)
        //    }
        //  Return Sequential(layers). Image layers on a flat shape, or a Linear on an image shape, throw an
        //  ArgumentException that says what to do (both messages mention the FlattenSpec).
        throw new NotImplementedException("TODO 16: write Blocks.Build (a Sequential from a layer list). See README step 16.");
    }
}
