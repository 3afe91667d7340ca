using static TorchSharp.torch.nn;

namespace Katas.TrainingDiagnostics;

/// <summary>What <see cref="InitialLoss.Check"/> measured.</summary>
/// <param name="Loss">The loss of the model on the batch, before any training.</param>
/// <param name="Expected">ln C, what an untrained classifier of C balanced classes should score.</param>
/// <param name="Sane">Whether Loss lies within the tolerance of Expected, on either side.</param>
public sealed record InitCheck(double Loss, double Expected, bool Sane);

/// <summary>Step 1: the loss of an untrained classifier.</summary>
public static class InitialLoss
{
    /// <summary>
    /// The cross-entropy of a classifier that gives each of <paramref name="classes"/> balanced
    /// classes the same probability: ln C (natural log), 2.303 for ten classes.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">classes is less than 2.</exception>
    public static double Expected(int classes)
    {
        // TODO 1a — The number every check of this chapter starts from. Work it out on paper before
        //  you write it: what probability does an unsure network give the right class, and what is
        //  the cross-entropy of that probability?
        throw new NotImplementedException("TODO 1: the loss of a network that knows nothing (InitialLoss.Expected). See README step 1.");
    }

    /// <summary>
    /// Measures <paramref name="loss"/> (default: cross-entropy of the raw scores) of
    /// <paramref name="model"/> on the batch (x, y), in eval mode and without gradients, and compares
    /// it with <see cref="Expected"/>: Sane when |loss - ln C| &lt;= tolerance * ln C. Leaves the
    /// model as it found it: same parameters and buffers, same mode (train or eval), no gradients.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">classes is less than 2.</exception>
    public static InitCheck Check(Module<Tensor, Tensor> model, Tensor x, Tensor y, int classes,
        Func<Tensor, Tensor, Tensor>? loss = null, double tolerance = 0.2)
    {
        // TODO 1b — The cheapest check there is: one forward pass, before any training, tells you
        //  whether the last layer, the loss or the data is off. A check must only look: a forward pass
        //  in training mode already changes a model that has batch norm, and the caller's mode is the
        //  caller's business. A loss far BELOW ln C is as suspicious as one far above (README step 1).
        throw new NotImplementedException("TODO 1: measure the loss at initialisation (InitialLoss.Check). See README step 1.");
    }
}
