using TorchSharp.Modules;
using static TorchSharp.torch.nn;
using static TorchSharp.torch.optim;

namespace Katas.TrainingDiagnostics;

/// <summary>
/// Given to you (not an exercise): a training program taken apart into the pieces a check needs.
/// A bug hides in one of them (the model, the data pipeline, the loss or the optimizer), so a
/// check uses the program's own pieces, never pieces of its own.
/// </summary>
public sealed class TrainingSetup
{
    /// <summary>The classifier: raw scores (logits) [N, Classes] for an input [N, features].</summary>
    public required Module<Tensor, Tensor> Model { get; init; }

    /// <summary>
    /// The data pipeline: batch number k as the training loop receives it, (x, y) with y the class
    /// indices (int64). A healthy pipeline gives the same pairs each time it is asked for the same k.
    /// </summary>
    public required Func<int, (Tensor X, Tensor Y)> Batch { get; init; }

    /// <summary>The loss the program trains with: (scores, labels) to a scalar.</summary>
    public required Func<Tensor, Tensor, Tensor> Loss { get; init; }

    /// <summary>Makes the program's optimizer (kind and learning rate) over the given parameters.</summary>
    public required Func<IEnumerable<Parameter>, Optimizer> Optimizer { get; init; }

    /// <summary>How many classes the labels have (they are balanced).</summary>
    public int Classes { get; init; } = SyntheticDigits.Classes;

    /// <summary>
    /// A healthy pipeline over <paramref name="images"/> (raw pixels) and <paramref name="labels"/>:
    /// one shuffle fixed by <paramref name="seed"/>, batches of <paramref name="batchSize"/> taken in
    /// turn (batch k wraps around the data), images scaled to mean 0 and standard deviation 1 with
    /// the statistics of the whole set (unless <paramref name="normalise"/> is false), on <paramref name="device"/>.
    /// </summary>
    public static Func<int, (Tensor X, Tensor Y)> Pipeline(Tensor images, Tensor labels, int batchSize, int seed, Device device, bool normalise = true)
    {
        var order = torch.randperm(images.shape[0], generator: new torch.Generator((ulong)seed));
        var x = (normalise ? (images - images.mean()) / images.std() : images).to(device);
        var y = labels.to(device);
        var shuffledX = x[order.to(device)];
        var shuffledY = y[order.to(device)];
        var batches = (int)(images.shape[0] / batchSize);
        return k =>
        {
            var start = k % batches * batchSize;
            return (shuffledX.narrow(0, start, batchSize), shuffledY.narrow(0, start, batchSize));
        };
    }
}
