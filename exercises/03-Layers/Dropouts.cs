namespace Katas.Layers;

/// <summary>Dropout written out: PyTorch's F.dropout and F.dropout2d.</summary>
public static class Dropouts
{
    /// <summary>
    /// In training, zeroes each element with probability <paramref name="p"/> and scales the others
    /// by 1 / (1 - p); in eval, returns x unchanged.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Thrown for a number outside the range this member accepts; the message gives the value and the range.</exception>
    public static Tensor Dropout(Tensor x, double p = 0.5, bool training = true)
    {
        // TODO 7 — check p first: outside [0, 1] -> ArgumentOutOfRangeException(nameof(p), p, "...").
        //  - not training (or p == 0): return x;   p == 1: torch.zeros_like(x)
        //  - otherwise a mask of ones and zeros, 1 with probability 1 - p:
        //  (the code itself: hint level 3)
        //    and return x * keep / (1 - p). The scaling keeps the expected value of every element, so the
        //    next layer sees the same average in training and in eval.
        throw new NotImplementedException("TODO 7: write Dropouts.Dropout (mask and scale). See README step 7.");
    }

    /// <summary>Like <see cref="Dropout"/>, but zeroes whole channels of images [N, C, H, W].</summary>
    /// <exception cref="ArgumentException">Thrown for an argument this member cannot work with (a wrong shape, size, length or entry); the message names it and says what would work.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown for a number outside the range this member accepts; the message gives the value and the range.</exception>
    public static Tensor Dropout2d(Tensor x, double p = 0.5, bool training = true)
    {
        // TODO 8 — the same, but one coin per (image, channel): a mask of shape [N, C, 1, 1]
        //  (torch.rand(x.shape[0], x.shape[1], 1, 1, device: x.device): on the input's device) broadcasts over the whole H x W map.
        //  Neighbouring pixels of a feature map are alike, so dropping single pixels would hide little.
        //  Check p, and that x has 4 dimensions (ArgumentException that shows x's shape).
        throw new NotImplementedException("TODO 8: write Dropouts.Dropout2d (one mask value per channel). See README step 8.");
    }
}
