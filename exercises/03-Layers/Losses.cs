namespace Katas.Layers;

/// <summary>Loss functions from their formulas, with PyTorch's reduction modes.</summary>
public static class Losses
{
    /// <summary>PyTorch's F.mse_loss: the squared differences, averaged (Mean), added (Sum) or kept (None).</summary>
    /// <exception cref="ArgumentException">Thrown for an argument this member cannot work with (a wrong shape, size, length or entry); the message names it and says what would work.</exception>
    public static Tensor Mse(Tensor input, Tensor target, nn.Reduction reduction = nn.Reduction.Mean)
    {
        // TODO 12 — (input - target).square(), then reduce: None -> as is, Sum -> .sum(), Mean -> .mean().
        //  A small private Reduce(tensor, reduction) helper will serve NllLoss too. First, if the shapes
        //  differ, throw an ArgumentException that shows both (a [N, 1] against an [N] would broadcast).
        throw new NotImplementedException("TODO 12: write Losses.Mse (with its three reductions). See README step 12.");
    }

    /// <summary>log(softmax(x)) along <paramref name="dim"/>, computed without overflow.</summary>
    public static Tensor LogSoftmax(Tensor x, long dim)
    {
        // TODO 13 — log(e^x / sum e^x) = x - log(sum e^x) = x - x.logsumexp(dim, keepdim: true).
        throw new NotImplementedException("TODO 13: write Losses.LogSoftmax. See README step 13.");
    }

    /// <summary>PyTorch's F.nll_loss: minus each row's log-probability of its true class, reduced.</summary>
    /// <exception cref="ArgumentException">Thrown for an argument this member cannot work with (a wrong shape, size, length or entry); the message names it and says what would work.</exception>
    public static Tensor NllLoss(Tensor logProbabilities, Tensor target, nn.Reduction reduction = nn.Reduction.Mean)
    {
        // TODO 14 — row i contributes -logProbabilities[i, target[i]]:
        //    logProbabilities.gather(1, target.unsqueeze(1)).squeeze(1), negated, then reduced.
        //  First check: scores [N, C] and target [N] (ArgumentException that shows both shapes).
        throw new NotImplementedException("TODO 14: write Losses.NllLoss (gather, negate, reduce). See README step 14.");
    }

    /// <summary>PyTorch's F.cross_entropy: raw scores in, the negative log-likelihood of their softmax out.</summary>
    public static Tensor CrossEntropy(Tensor logits, Tensor target, nn.Reduction reduction = nn.Reduction.Mean)
    {
        // TODO 15 — NllLoss(LogSoftmax(logits, 1), target, reduction). That is all cross-entropy is.
        throw new NotImplementedException("TODO 15: write Losses.CrossEntropy (NllLoss of LogSoftmax). See README step 15.");
    }
}
