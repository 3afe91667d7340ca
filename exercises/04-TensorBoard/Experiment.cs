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
    /// Seeds everything with <paramref name="seed"/>, then trains a fresh <see cref="Cnn"/> on MNIST (on
    /// Kit's device, Devices.Choose()) and logs, into <paramref name="logDir"/>: the first 32 training
    /// digits, the model graph, the training curves of <see cref="Training.Fit"/>, and in the sub-run
    /// "hparams" the hyper-parameters lr, batch_size, steps and seed with the metrics
    /// <see cref="AccuracyMetric"/> (the final accuracy) and <see cref="LossMetric"/> (the last step's loss).
    /// </summary>
    /// <returns>The final accuracy on the first <see cref="HeldOutCount"/> test images, in [0, 1].</returns>
    public static double Run(string logDir, int steps = 300, int batchSize = 64, double learningRate = 0.001, int seed = 0)
    {
        // TODO 7 — An experiment is worth logging only if it can be repeated and compared: the same seed
        //  must give the same run, and the HParams tab lines runs up by the names of their settings and
        //  results. One writer, one folder per run: everything TensorBoard shows about this run lives there.
        throw new NotImplementedException("TODO 7: run one complete logged experiment (Experiment.Run). See README step 7.");
    }
}
