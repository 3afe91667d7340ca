namespace Katas.Layers;

/// <summary>Dropout written out: PyTorch's F.dropout and F.dropout2d.</summary>
public static class Dropouts
{
    public static Tensor Dropout(Tensor x, double p = 0.5, bool training = true)
    {
        CheckP(p);
        if (!training || p == 0) return x;
        if (p == 1) return torch.zeros_like(x);
        var keep = torch.rand_like(x).ge(p).to(x.dtype); // 1 with probability 1 - p
        return x * keep / (1 - p);                        // scaled so that the expected value stays x
    }

    public static Tensor Dropout2d(Tensor x, double p = 0.5, bool training = true)
    {
        CheckP(p);
        if (x.dim() != 4)
            throw new ArgumentException($"Dropout2d zeroes whole channels of images [N, C, H, W]; got [{string.Join(", ", x.shape)}].", nameof(x));
        if (!training || p == 0) return x;
        if (p == 1) return torch.zeros_like(x);
        // One coin per (image, channel), broadcast over the whole H x W map.
        var keep = torch.rand(x.shape[0], x.shape[1], 1, 1, device: x.device).ge(p).to(x.dtype);
        return x * keep / (1 - p);
    }

    static void CheckP(double p)
    {
        if (p is < 0 or > 1 || double.IsNaN(p))
            throw new ArgumentOutOfRangeException(nameof(p), p, "p is the probability of zeroing an element: between 0 and 1.");
    }
}
