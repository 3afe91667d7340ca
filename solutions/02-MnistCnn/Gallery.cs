namespace Katas.MnistCnn;

/// <summary>A picture of what the network sees: some test digits, then the ones it got wrong.</summary>
public static class Gallery
{
    public static Tensor Pick(Tensor predicted, Tensor labels, int first = 32, int mistakes = 32)
    {
        if (!predicted.shape.SequenceEqual(labels.shape) || predicted.dim() != 1)
            throw new ArgumentException(
                $"predicted [{string.Join(", ", predicted.shape)}] and labels [{string.Join(", ", labels.shape)}] must both be [N].", nameof(labels));
        var head = torch.arange(Math.Min(first, predicted.shape[0]), dtype: int64, device: predicted.device);
        var wrong = predicted.ne(labels).nonzero().squeeze(1); // nonzero gives [K, 1]: one row per mistake
        return torch.cat([head, wrong[..(int)Math.Min(mistakes, wrong.shape[0])]], dim: 0);
    }

    public static void Save(string path, Tensor images, Tensor predicted, Tensor labels)
    {
        using var picked = Pick(predicted, labels);
        DigitGrid.Save(path, images.index_select(0, picked), predicted.index_select(0, picked), labels.index_select(0, picked));
    }
}
