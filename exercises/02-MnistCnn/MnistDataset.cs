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
    /// <remarks>The DataLoader reads it to know which indices an epoch shuffles and when the epoch ends.</remarks>
    public override long Count =>
        // TODO 1 (README step 1) — Python's __len__: one item per label.
        throw new NotImplementedException("TODO 1: write MnistDataset.Count (how many images). See README step 1.");

    /// <summary>Item <paramref name="index"/>: its image [1, 28, 28] under "data", its label (a scalar) under "label".</summary>
    /// <param name="index">0 .. Count - 1.</param>
    /// <returns>Tensors on the device of the images the dataset was made with; views are fine (no copy needed).</returns>
    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        // TODO 1 (README step 1) — Python's __getitem__. The DataLoader glues 64 items into one batch
        //  key by key, so the keys are the batch's keys too: the training loop reads "data" and "label".
        //  PyTorch's own datasets return a tuple (image, label); TorchSharp's return a dictionary.
        throw new NotImplementedException("TODO 1: write MnistDataset.GetTensor (one image and its label). See README step 1.");
    }
}
