using Katas.Kit.Data;
using Katas.Kit.TensorBoard;

namespace Katas.TensorBoard;

/// <summary>One complete run: everything TensorBoard can show about it, in one folder.</summary>
public static class Experiment
{
    public const int HeldOutCount = 1000;
    public const string AccuracyMetric = "hparam/accuracy";
    public const string LossMetric = "hparam/loss";

    /// <summary>
    /// Trains a fresh <see cref="Cnn"/> on MNIST and logs, into <paramref name="logDir"/>: 32 training
    /// digits, the model graph, the training curves, and the hyper-parameters with the final results
    /// (sub-run "hparams"). Returns the final accuracy on the first <see cref="HeldOutCount"/> test images.
    /// </summary>
    public static double Run(string logDir, int steps = 300, int batchSize = 64, double learningRate = 0.001, int seed = 0)
    {
        // TODO 7 — put it all together:
        //  (the code itself: hint level 3)
        //    HeldOutCount images of Mnist.Load(train: false): new MnistSplit(test.Images[..n], test.Labels[..n]).
        //  - The device: Devices.Choose() (CUDA if available; KATAS_DEVICE decides first); model and data .to(device).
        //  - using var writer = new SummaryWriter(logDir);
        //  - Visuals.LogDigits with the first 32 training images; Visuals.LogModel with the first one
        //    (train.Images[..1], shape [1, 1, 28, 28]).
        //  - Training.Fit(...), then the final accuracy: Training.Accuracy on the held-out set.
        //  (the code itself: hint level 3)
        //    lr, batch_size, steps and seed; the metrics AccuracyMetric (the final accuracy) and
        //    LossMetric (the last loss). The HParams tab then shows this run as one row.
        throw new NotImplementedException("TODO 7: run one complete logged experiment (Experiment.Run). See README step 7.");
    }
}
