namespace Katas.MnistCnn;

/// <summary>A picture of what the network sees: some test digits, then the ones it got wrong.</summary>
public static class Gallery
{
    /// <summary>
    /// The indices to show: 0 .. first-1, then the indices of the first <paramref name="mistakes"/>
    /// items where predicted differs from labels (fewer if there are fewer). int64 [M].
    /// </summary>
    /// <exception cref="ArgumentException">Thrown for an argument this member cannot work with (a wrong shape, size, length or entry); the message names it and says what would work.</exception>
    public static Tensor Pick(Tensor predicted, Tensor labels, int first = 32, int mistakes = 32)
    {
        // TODO 8 — boolean masks and their indices:
        //  - torch.arange(first, dtype: int64, device: predicted.device) are the first indices (at most predicted.shape[0]);
        //  - predicted.ne(labels) is true where the network was wrong; .nonzero() lists where, as a
        //    [K, 1] tensor: .squeeze(1) makes it [K];
        //  - keep at most `mistakes` of them (wrong[..n]) and torch.cat both parts (dim 0).
        //  If predicted and labels are not both [N], throw an ArgumentException that shows their shapes.
        throw new NotImplementedException("TODO 8: write Gallery.Pick (the first digits, then the mistakes). See README step 8.");
    }

    /// <summary>Saves the digits <see cref="Pick"/> chooses as a PNG grid (see DigitGrid).</summary>
    public static void Save(string path, Tensor images, Tensor predicted, Tensor labels)
    {
        // TODO 9 — var picked = Pick(predicted, labels); then give DigitGrid.Save the picked rows of
        //  images, predicted and labels: x.index_select(0, picked).
        throw new NotImplementedException("TODO 9: write Gallery.Save (pick, select, draw). See README step 9.");
    }
}
