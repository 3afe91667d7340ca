using System.Collections.Concurrent;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Kit.Data;

/// <summary>One split of MNIST held as two tensors.</summary>
/// <param name="Images">float32 [N, 1, 28, 28], pixel values scaled to [0, 1] (what ToTensor() gives in PyTorch).</param>
/// <param name="Labels">int64 [N], the digits 0..9.</param>
public sealed record MnistSplit(Tensor Images, Tensor Labels) : IDisposable
{
    public long Count => Labels.shape[0];

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}

/// <summary>
/// MNIST, downloaded on first use, verified against data/datasets.json before every use.
/// </summary>
/// <remarks>
/// The cache uses TorchVision's layout (ROOT/mnist/test_data/train-images-idx3-ubyte ...), so
/// <c>torchvision.datasets.MNIST(Mnist.Root(), train: true)</c> reads the verified files too.
/// <see cref="Load"/> is the fast path the katas use: the whole split as one tensor, so that a batch
/// is a slice instead of 64 single items glued together.
/// </remarks>
public static class Mnist
{
    public const int TrainCount = 60_000;
    public const int TestCount = 10_000;

    static readonly ConcurrentDictionary<string, (int[] Shape, byte[] Pixels, byte[] Labels)> Parsed = new();

    /// <summary>The root folder to give TorchVision's MNIST dataset (downloads and verifies first).</summary>
    public static string Root(DatasetCache? cache = null)
    {
        cache ??= DatasetCache.FromEnvironment();
        cache.Ensure("mnist");
        return cache.Root;
    }

    /// <summary>The training split (60 000 images) or the test split (10 000).</summary>
    public static MnistSplit Load(bool train, DatasetCache? cache = null)
    {
        TorchRuntime.EnsureLoaded();
        cache ??= DatasetCache.FromEnvironment();
        var folder = cache.Ensure("mnist");
        var prefix = train ? "train" : "t10k";
        var (shape, pixels, labels) = Parsed.GetOrAdd(Path.Combine(folder, prefix), _ => Read(folder, prefix));
        var images = torch.tensor(pixels, dtype: ScalarType.Byte)
            .reshape(shape[0], 1, shape[1], shape[2]).to(ScalarType.Float32).div_(255f);
        return new MnistSplit(images, torch.tensor(labels, dtype: ScalarType.Byte).to(ScalarType.Int64));
    }

    static (int[], byte[], byte[]) Read(string folder, string prefix)
    {
        var imagesPath = Path.Combine(folder, $"{prefix}-images-idx3-ubyte");
        var labelsPath = Path.Combine(folder, $"{prefix}-labels-idx1-ubyte");
        var (shape, pixels) = Idx.ReadUnsignedBytes(imagesPath, 3);
        var (labelShape, labels) = Idx.ReadUnsignedBytes(labelsPath, 1);
        if (labelShape[0] != shape[0])
            throw new InvalidIdxFileException(labelsPath, $"it holds {labelShape[0]} labels for {shape[0]} images in {imagesPath}");
        return (shape, pixels, labels);
    }
}
