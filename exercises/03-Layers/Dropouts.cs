namespace Katas.Layers;

/// <summary>Dropout written out: PyTorch's F.dropout and F.dropout2d.</summary>
public static class Dropouts
{
    /// <summary>
    /// In training, zeroes each element of <paramref name="x"/> (any shape) with probability
    /// <paramref name="p"/> and scales the others by 1 / (1 - p); in eval
    /// (<paramref name="training"/> false), returns x unchanged. The result has x's shape, dtype and
    /// device. p = 0 keeps everything, p = 1 zeroes everything.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Thrown for a <paramref name="p"/> outside [0, 1] (or NaN); the message gives the value and the range.</exception>
    public static Tensor Dropout(Tensor x, double p = 0.5, bool training = true)
    {
        // TODO 7 — Dropout makes every unit useful on its own, because any other may be missing. Two
        //  things make it a layer you can leave in the network: the survivors are scaled so that the next
        //  layer sees the same average in training and in eval, and in eval nothing happens at all.
        //  The random mask belongs on the input's device (a GPU input needs a GPU mask).
        throw new NotImplementedException("TODO 7: write Dropouts.Dropout (mask and scale). See README step 7.");
    }

    /// <summary>
    /// Like <see cref="Dropout"/>, but for images [N, C, H, W]: one decision per (image, channel), so
    /// whole feature maps are kept (scaled by 1 / (1 - p)) or zeroed. Same shape, dtype and device as x.
    /// </summary>
    /// <exception cref="ArgumentException">Thrown when <paramref name="x"/> does not have 4 dimensions; the message shows its shape.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown for a <paramref name="p"/> outside [0, 1] (or NaN); the message gives the value and the range.</exception>
    public static Tensor Dropout2d(Tensor x, double p = 0.5, bool training = true)
    {
        // TODO 8 — Neighbouring pixels of a feature map are alike, so a missing pixel is guessed from its
        //  neighbours and dropping single pixels hides little. Dropping a whole map does hide something.
        //  A mask with one value per map, broadcast over its pixels, says exactly that.
        throw new NotImplementedException("TODO 8: write Dropouts.Dropout2d (one mask value per channel). See README step 8.");
    }
}
