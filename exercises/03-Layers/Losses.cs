namespace Katas.Layers;

/// <summary>Loss functions from their formulas, with PyTorch's reduction modes.</summary>
public static class Losses
{
    /// <summary>
    /// PyTorch's F.mse_loss: the squared differences of <paramref name="input"/> and
    /// <paramref name="target"/> (same shape), averaged (Mean, the default: a scalar), added (Sum: a
    /// scalar) or kept (None: the inputs' shape).
    /// </summary>
    /// <exception cref="ArgumentException">Thrown when the shapes differ; the message shows both.</exception>
    public static Tensor Mse(Tensor input, Tensor target, nn.Reduction reduction = nn.Reduction.Mean)
    {
        // TODO 12 — The loss of regression. Two tensors of different shapes would broadcast without a
        //  word and compare every input with every target: refuse them. The reduction is a separate
        //  concern that the next losses share, so give it a home of its own.
        throw new NotImplementedException("TODO 12: write Losses.Mse (with its three reductions). See README step 12.");
    }

    /// <summary>
    /// log(softmax(x)) along <paramref name="dim"/>, of x's shape: finite wherever x is, even when a
    /// probability is too small for float32 (log-softmax of (1000, 0) is (0, -1000)).
    /// </summary>
    public static Tensor LogSoftmax(Tensor x, long dim)
    {
        // TODO 13 — The log undoes the exp: simplify the formula on paper before computing anything, and
        //  the probability that would underflow to 0 never has to exist.
        throw new NotImplementedException("TODO 13: write Losses.LogSoftmax. See README step 13.");
    }

    /// <summary>
    /// PyTorch's F.nll_loss: for log-probabilities [N, C] and class indices <paramref name="target"/> [N]
    /// (int64), minus each row's log-probability of its true class, reduced as in <see cref="Mse"/>
    /// (None gives [N]).
    /// </summary>
    /// <exception cref="ArgumentException">Thrown when the scores are not [N, C] or the target not [N] with the same N; the message shows both shapes.</exception>
    public static Tensor NllLoss(Tensor logProbabilities, Tensor target, nn.Reduction reduction = nn.Reduction.Mean)
    {
        // TODO 14 — A loss is small when the model is right: the log-probability of the true class is at
        //  most 0, so the loss is its negative. Each row needs one entry, chosen by that row's target,
        //  picked out for all rows at once.
        throw new NotImplementedException("TODO 14: write Losses.NllLoss (gather, negate, reduce). See README step 14.");
    }

    /// <summary>
    /// PyTorch's F.cross_entropy: raw scores <paramref name="logits"/> [N, C] and class indices [N] in,
    /// the negative log-likelihood of their softmax out, reduced as asked.
    /// </summary>
    /// <exception cref="ArgumentException">Thrown, as by <see cref="NllLoss"/>, when the shapes do not fit.</exception>
    public static Tensor CrossEntropy(Tensor logits, Tensor target, nn.Reduction reduction = nn.Reduction.Mean)
    {
        // TODO 15 — Cross-entropy is not a new formula but two you have written, composed. It wants raw
        //  scores, because it applies the softmax itself (chapter 1's lesson).
        throw new NotImplementedException("TODO 15: write Losses.CrossEntropy (NllLoss of LogSoftmax). See README step 15.");
    }
}
