using Katas.Kit.Data;
using Katas.Kit.TensorBoard;

namespace Katas.TensorBoard;

/// <summary>One complete run: everything TensorBoard can show about it, in one folder.</summary>
public static class Experiment
{
    public const int HeldOutCount = 1000;
    public const string AccuracyMetric = "hparam/accuracy";
    public const string LossMetric = "hparam/loss";

    public static double Run(string logDir, int steps = 300, int batchSize = 64, double learningRate = 0.001, int seed = 0)
    {
        Seeding.Seed(seed);
        // The seed's `device = cuda if available else cpu`; Kit's Devices also honours KATAS_DEVICE.
        var device = Devices.Choose();
        using var loaded = Mnist.Load(train: true);
        using var test = Mnist.Load(train: false);
        var train = new MnistSplit(loaded.Images.to(device), loaded.Labels.to(device));
        var heldOut = new MnistSplit(test.Images[..HeldOutCount].to(device), test.Labels[..HeldOutCount].to(device));
        var model = new Cnn().to(device);

        using var writer = new SummaryWriter(logDir);
        Visuals.LogDigits(writer, train.Images[..32]);
        Visuals.LogModel(writer, model, train.Images[..1]);
        var losses = Training.Fit(model, writer, train, heldOut, steps, batchSize, learningRate);
        var accuracy = Training.Accuracy(model, heldOut.Images, heldOut.Labels);
        writer.add_hparams(
            new Dictionary<string, object?> { ["lr"] = learningRate, ["batch_size"] = batchSize, ["steps"] = steps, ["seed"] = seed },
            new Dictionary<string, double> { [AccuracyMetric] = accuracy, [LossMetric] = losses[^1] },
            runName: "hparams");
        return accuracy;
    }
}
