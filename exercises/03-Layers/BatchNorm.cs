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

    public BatchNorm(long numFeatures, double eps = 1e-5, double momentum = 0.1) : base(nameof(BatchNorm))
    {
        // TODO 9 — two learnable Parameters (weight starts at ones, bias at zeros), one value per channel;
        //  (the code itself: hint level 3)
        //  keep eps and momentum; then RegisterComponents(): Parameter fields become parameters (trained),
        //  plain Tensor fields become buffers (saved and moved with the model, never trained).
        throw new NotImplementedException("TODO 9: create BatchNorm's parameters and buffers (constructor). See README step 9.");
    }

    /// <exception cref="ArgumentException">Thrown for an argument this member cannot work with (a wrong shape, size, length or entry); the message names it and says what would work.</exception>
    public override Tensor forward(Tensor x)
    {
        // TODO 10 — normalise each channel (dimension 1) over all the other dimensions:
        //  - check x is [N, C, ...] with C = running_mean.shape[0] (ArgumentException with the shape);
        //  - dims = every dimension except 1, e.g. [0, 2, 3]; shape = [1, C, 1, 1] to broadcast per channel;
        //  - training: mean = x.mean(dims); variance = x.var(dims, unbiased: false);
        //      with n = x.numel() / C values per channel (n < 2 -> ArgumentException: no variance), update
        //      in place inside using (torch.no_grad()):
        //  (the code itself: hint level 3)
        //        running_var.mul_(1 - momentum).add_(variance * (n / (n - 1.0)) * momentum);   // unbiased
        //  (the code itself: hint level 3)
        //  - return (x - mean.reshape(shape)) / (variance.reshape(shape) + eps).sqrt() * weight.reshape(shape) + bias.reshape(shape).
        throw new NotImplementedException("TODO 10: write BatchNorm.forward (batch statistics in training, running ones in eval). See README step 10.");
    }
}
