using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Katas.Layers;

/// <summary>
/// Batch normalisation written out: PyTorch's BatchNorm1d ([N, C] or [N, C, L]) and BatchNorm2d
/// ([N, C, H, W]) in one module. Channel c is normalised over every other dimension.
/// </summary>
public sealed class BatchNorm : Module<Tensor, Tensor>
{
    // PyTorch's names, so that state_dicts look alike.
    public readonly Parameter weight;
    public readonly Parameter bias;
    public readonly Tensor running_mean;
    public readonly Tensor running_var;
    public readonly double eps;
    public readonly double momentum;

    /// <summary>
    /// A batch norm for <paramref name="numFeatures"/> channels: learned <see cref="weight"/> (ones) and
    /// <see cref="bias"/> (zeros), and the running statistics <see cref="running_mean"/> (zeros) and
    /// <see cref="running_var"/> (ones), all float32 of shape [numFeatures]. Only weight and bias are
    /// parameters; the running statistics are buffers (saved in the state_dict, moved by to(), never trained).
    /// </summary>
    public BatchNorm(long numFeatures, double eps = 1e-5, double momentum = 0.1) : base(nameof(BatchNorm))
    {
        // TODO 9 — A layer holds two kinds of state. What the optimizer learns is a Parameter; what the
        //  layer only keeps track of is a plain tensor, which RegisterComponents() makes a buffer. The
        //  difference decides what training changes and what a saved model remembers.
        throw new NotImplementedException("TODO 9: create BatchNorm's parameters and buffers (constructor). See README step 9.");
    }

    /// <summary>
    /// Normalises <paramref name="x"/> [N, C, ...] per channel (dimension 1) over all other dimensions,
    /// then scales by weight and shifts by bias. In training: with the batch's mean and biased variance,
    /// and moves the running statistics by <see cref="momentum"/> towards the batch's (the running
    /// variance takes the unbiased one); in eval: with the running statistics, which stay unchanged.
    /// Returns a tensor of x's shape, dtype and device that autograd can differentiate.
    /// </summary>
    /// <exception cref="ArgumentException">Thrown when x is not [N, C, ...] with C = numFeatures, or, in training, when there is only one value per channel (no variance); the message shows the shape.</exception>
    public override Tensor forward(Tensor x)
    {
        // TODO 10 — Training and eval differ here, and that is the point: a test image's output must not
        //  depend on the other images of its batch, so eval uses what training accumulated. Keeping
        //  that running record is bookkeeping, not learning: autograd must not see it.
        throw new NotImplementedException("TODO 10: write BatchNorm.forward (batch statistics in training, running ones in eval). See README step 10.");
    }
}
