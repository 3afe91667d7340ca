namespace Katas.MnistCnn;

/// <summary>A picture of what the network sees: some test digits, then the ones it got wrong.</summary>
public static class Gallery
{
    /// <summary>
    /// The indices to show: 0 .. first-1, then the indices of the first <paramref name="mistakes"/>
    /// items where predicted differs from labels (fewer if there are fewer). int64 [M].
    /// </summary>
    /// <exception cref="ArgumentException">Thrown for an argument this member cannot work with (a wrong shape, size, length or entry); the message names it and says what would work.</exception>
    /// <param name="predicted">int64 [N].</param>
    /// <param name="labels">int64 [N], on the same device.</param>
    public static Tensor Pick(Tensor predicted, Tensor labels, int first = 32, int mistakes = 32)
    {
        // TODO 8 (README step 8) — from a mask to the indices where it is true. Everything stays a
        //  tensor on predicted's device, so that index_select can use the result directly; the same
        //  index may appear twice (a mistake among the first digits). Mind the shape the index-finding
        //  call returns for a 1-D mask.
        throw new NotImplementedException("TODO 8: write Gallery.Pick (the first digits, then the mistakes). See README step 8.");
    }

    /// <summary>Saves the digits <see cref="Pick"/> chooses as a PNG grid (see DigitGrid).</summary>
    /// <param name="images">[N, 1, 28, 28], pixels in [0, 1].</param>
    /// <param name="predicted">int64 [N].</param>
    /// <param name="labels">int64 [N].</param>
    public static void Save(string path, Tensor images, Tensor predicted, Tensor labels)
    {
        // TODO 9 (README step 9) — your Pick says which rows to show; DigitGrid.Save (given) draws
        //  whatever rows it is handed. Gather the same rows from all three tensors, by index.
        throw new NotImplementedException("TODO 9: write Gallery.Save (pick, select, draw). See README step 9.");
    }
}
