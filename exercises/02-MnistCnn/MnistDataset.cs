using Katas.Kit.Data;

namespace Katas.MnistCnn;

/// <summary>
/// MNIST as a map-style dataset, like torchvision's <c>datasets.MNIST</c>: <see cref="Count"/> is
/// Python's <c>__len__</c> and <see cref="GetTensor"/> is <c>__getitem__</c>.
/// </summary>
public sealed class MnistDataset : torch.utils.data.Dataset
{
    readonly Tensor _images;
    readonly Tensor _labels;

    /// <param name="images">float32 [N, 1, 28, 28], pixels in [0, 1].</param>
    /// <param name="labels">int64 [N], the digits.</param>
    /// <exception cref="ArgumentException">Thrown for an argument this member cannot work with (a wrong shape, size, length or entry); the message names it and says what would work.</exception>
    public MnistDataset(Tensor images, Tensor labels)
    {
        if (labels.dim() != 1 || images.dim() == 0 || images.shape[0] != labels.shape[0])
            throw new ArgumentException(
                $"A dataset needs one label per image, but got images [{string.Join(", ", images.shape)}] and labels " +
                $"[{string.Join(", ", labels.shape)}]. Pass images [N, 1, 28, 28] and labels [N].", nameof(labels));
        _images = images;
        _labels = labels;
    }

    /// <summary>The training split (60 000 digits) or the test split (10 000), downloaded and verified by Kit.</summary>
    public static MnistDataset Load(bool train)
    {
        var split = Mnist.Load(train);
        return new MnistDataset(split.Images, split.Labels);
    }

    /// <summary>How many items the dataset holds (Python's <c>len(dataset)</c>).</summary>
    public override long Count =>
        // TODO 1a — the number of labels: _labels.shape[0].
        throw new NotImplementedException("TODO 1: write MnistDataset.Count (how many images). See README step 1.");

    /// <summary>Item <paramref name="index"/>: its image [1, 28, 28] under "data", its label (a scalar) under "label".</summary>
    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        // TODO 1b — Python's __getitem__: one image and its label, in a dictionary.
        //  (the code itself: hint level 3)
        //  Indexing the first dimension gives a view of image `index` (no copy). The DataLoader later
        //  glues 64 such items into one batch, key by key, so the keys must be "data" and "label".
        throw new NotImplementedException("TODO 1: write MnistDataset.GetTensor (one image and its label). See README step 1.");
    }
}
