using Katas.Kit.Data;

namespace Katas.TensorBoard.Tests;

/// <summary>Where the tests log (out/04-TensorBoard/runs/NAME), and the data they train on.</summary>
internal static class Runs
{
    /// <summary>An empty run folder: last time's events files are deleted, so every curve is read once.</summary>
    public static string Fresh(string name)
    {
        var folder = RepoPaths.Output("04-TensorBoard", Path.Combine("runs", name));
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        return folder;
    }

    static readonly Lazy<MnistSplit> TrainSplit = new(() => Mnist.Load(train: true));
    static readonly Lazy<MnistSplit> TestSplit = new(() => Mnist.Load(train: false));

    /// <summary>MNIST's 60 000 training images, loaded once for all tests.</summary>
    public static MnistSplit Train => TrainSplit.Value;

    /// <summary>The split on the tests' device (KATAS_DEVICE), where the models they train are.</summary>
    public static MnistSplit OnDevice(MnistSplit split) => new(split.Images.to(TestDevice.Current), split.Labels.to(TestDevice.Current));

    /// <summary>The first 1000 test images: what Fit measures its accuracy on.</summary>
    public static MnistSplit HeldOut => new(TestSplit.Value.Images[..1000], TestSplit.Value.Labels[..1000]);
}
