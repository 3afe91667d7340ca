using Katas.Kit.Data;
using static TorchSharp.torch.optim;

namespace Katas.MnistCnn.Tests;

/// <summary>
/// The chapter's main run, done once per test process and shared by the tests that need a trained
/// network: one epoch of Adam (lr 1e-3) over MNIST's 60 000 training digits in shuffled batches of
/// 64, then predictions for the 10 000 test digits, on the device Kit chooses (KATAS_DEVICE).
/// </summary>
/// <remarks>
/// A Lazy, not an xunit fixture: on the stubs every test that asks for the run fails with the
/// stub's own NotImplementedException (Lazy remembers it), which is what the learner should see.
/// KATAS_SEED picks another seed, for calibrating the thresholds (README).
/// </remarks>
internal static class TrainedCnn
{
    public static int Seed { get; } = int.TryParse(Environment.GetEnvironmentVariable("KATAS_SEED"), out var s) ? s : 0;

    static readonly Lazy<Run> Once = new(Train);

    public static Run Get() => Once.Value;

    internal sealed record Run(Cnn Model, MnistSplit Test, Tensor Predicted, double MeanLoss, TimeSpan Took);

    static Run Train()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Seeding.Seed(Seed);
        // On Kit's device (KATAS_DEVICE): the model there, the DataLoader's batches sent there.
        var device = TestDevice.Current;
        var model = new Cnn().to(device);
        using var train = MnistDataset.Load(train: true);
        using var loader = Loading.Loader(train, batchSize: 64, shuffle: true, seed: Seed, device: device);
        using var adam = Adam(model.parameters(), lr: Training.LearningRate);
        var meanLoss = Training.TrainEpoch(model, adam, loader);
        var took = watch.Elapsed;
        var test = Mnist.Load(train: false); // stays on the CPU for the pictures; a copy goes to the device for Predict
        return new Run(model, test, Training.Predict(model, test.Images.to(device)), meanLoss, took);
    }
}
