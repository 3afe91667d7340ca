using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Katas.Layers;

/// <summary>
/// Batch normalisation written out: PyTorch's BatchNorm1d ([N, C] or [N, C, L]) and BatchNorm2d
/// ([N, C, H, W]) in one module. Channel c is normalised over every other dimension.
/// </summary>
public sealed class BatchNorm : Module<Tensor, Tensor>
{
    public readonly Parameter weight;
    public readonly Parameter bias;
    public readonly Tensor running_mean;
    public readonly Tensor running_var;
    public readonly double eps;
    public readonly double momentum;

    public BatchNorm(long numFeatures, double eps = 1e-5, double momentum = 0.1) : base(nameof(BatchNorm))
    {
        weight = new Parameter(torch.ones(numFeatures));
        bias = new Parameter(torch.zeros(numFeatures));
        running_mean = torch.zeros(numFeatures);
        running_var = torch.ones(numFeatures);
        this.eps = eps;
        this.momentum = momentum;
        RegisterComponents(); // Parameters become parameters, Tensors become buffers (saved, moved, not trained)
    }

    public override Tensor forward(Tensor x)
    {
        var channels = running_mean.shape[0];
        if (x.dim() < 2 || x.shape[1] != channels)
            throw new ArgumentException(
                $"BatchNorm({channels}) wants [N, {channels}, ...] (channels in dimension 1); got [{string.Join(", ", x.shape)}].", nameof(x));
        var others = Enumerable.Range(0, (int)x.dim()).Where(d => d != 1).Select(d => (long)d).ToArray();
        var shape = Enumerable.Range(0, (int)x.dim()).Select(d => d == 1 ? channels : 1L).ToArray(); // [1, C, 1, ...]
        Tensor mean, variance;
        if (training)
        {
            var perChannel = x.numel() / channels;
            if (perChannel < 2)
                throw new ArgumentException(
                    $"BatchNorm in training needs more than one value per channel to compute a variance; got [{string.Join(", ", x.shape)}]. " +
                    "Use a batch of 2 or more, or call eval() first.", nameof(x));
            mean = x.mean(others);
            variance = x.var(others, unbiased: false); // normalise with the batch's own (biased) variance
            using (torch.no_grad())
            {
                // The running estimates use the unbiased variance, n / (n - 1) times larger.
                running_mean.mul_(1 - momentum).add_(mean * momentum);
                running_var.mul_(1 - momentum).add_(variance * (perChannel / (perChannel - 1.0)) * momentum);
            }
        }
        else
        {
            mean = running_mean;
            variance = running_var;
        }
        var normalised = (x - mean.reshape(shape)) / (variance.reshape(shape) + eps).sqrt();
        return normalised * weight.reshape(shape) + bias.reshape(shape);
    }
}
