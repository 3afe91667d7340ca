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

    public override long Count => _labels.shape[0];

    // A view of one image, not a copy: the DataLoader glues 64 of them into a batch.
    public override Dictionary<string, Tensor> GetTensor(long index) =>
        new() { ["data"] = _images[index], ["label"] = _labels[index] };
}
