namespace Katas.Layers;

/// <summary>Loss functions from their formulas, with PyTorch's reduction modes.</summary>
public static class Losses
{
    public static Tensor Mse(Tensor input, Tensor target, nn.Reduction reduction = nn.Reduction.Mean)
    {
        if (!input.shape.SequenceEqual(target.shape))
            throw new ArgumentException(
                $"Mse compares input [{string.Join(", ", input.shape)}] with target [{string.Join(", ", target.shape)}]: give them the same shape. " +
                "(A [N, 1] and an [N] would broadcast to [N, N] and measure the wrong thing.)", nameof(target));
        return Reduce((input - target).square(), reduction);
    }

    public static Tensor LogSoftmax(Tensor x, long dim) => x - x.logsumexp(dim, keepdim: true);

    public static Tensor NllLoss(Tensor logProbabilities, Tensor target, nn.Reduction reduction = nn.Reduction.Mean)
    {
        if (logProbabilities.dim() != 2 || target.dim() != 1 || target.shape[0] != logProbabilities.shape[0])
            throw new ArgumentException(
                $"NllLoss wants scores [N, C] and one class index per row, target [N]; got [{string.Join(", ", logProbabilities.shape)}] " +
                $"and [{string.Join(", ", target.shape)}].", nameof(target));
        // Pick each row's log-probability of its true class, and negate it.
        var picked = logProbabilities.gather(1, target.unsqueeze(1)).squeeze(1);
        return Reduce(-picked, reduction);
    }

    public static Tensor CrossEntropy(Tensor logits, Tensor target, nn.Reduction reduction = nn.Reduction.Mean) =>
        NllLoss(LogSoftmax(logits, 1), target, reduction);

    static Tensor Reduce(Tensor perElement, nn.Reduction reduction) => reduction switch
    {
        nn.Reduction.None => perElement,
        nn.Reduction.Sum => perElement.sum(),
        _ => perElement.mean(),
    };
}
