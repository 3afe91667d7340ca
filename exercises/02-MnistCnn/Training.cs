using static TorchSharp.torch.nn;
using static TorchSharp.torch.optim;

namespace Katas.MnistCnn;

/// <summary>Training the CNN for an epoch, predicting digits, measuring accuracy.</summary>
public static class Training
{
    public const double LearningRate = 1e-3;

    /// <summary>
    /// One pass over <paramref name="batches"/> (dictionaries with "data" and "label", as a
    /// DataLoader yields them), one optimizer step per batch.
    /// </summary>
    /// <returns>The mean of the batches' losses.</returns>
    /// <exception cref="ArgumentException">Thrown for an argument this member cannot work with (a wrong shape, size, length or entry); the message names it and says what would work.</exception>
    public static double TrainEpoch(Module<Tensor, Tensor> model, Optimizer optimizer, IEnumerable<Dictionary<string, Tensor>> batches)
    {
        // TODO 5 — the loop of every PyTorch program:
        //  (the code itself: hint level 3)
        //    {
        //        using var scope = torch.NewDisposeScope();  // frees this step's tensors at the end of the step
        //  (the code itself: hint level 3)
        //        ... add loss.item<float>() to a total, count the batches
        //    }
        //  Return total / count.
        throw new NotImplementedException("TODO 5: write Training.TrainEpoch (one step per batch). See README step 5.");
    }

    /// <summary>The predicted digit of every image: int64 [N], on the CPU.</summary>
    public static Tensor Predict(Module<Tensor, Tensor> model, Tensor images, int batchSize = 1000)
    {
        // TODO 6 — testing: eval mode, no gradients, a few images at a time, results back on the CPU.
        //  (the code itself: hint level 3)
        //    using var _ = torch.no_grad();
        //  (the code itself: hint level 3)
        //  then torch.cat the chunks' predictions (dim 0). A NewDisposeScope per chunk frees the
        //  activations; keep the prediction with .MoveToOuterDisposeScope().
        throw new NotImplementedException("TODO 6: write Training.Predict (eval, no_grad, argmax, cpu). See README step 6.");
    }

    /// <summary>The share of <paramref name="predicted"/> equal to <paramref name="labels"/>, between 0 and 1.</summary>
    /// <exception cref="ArgumentException">Thrown for an argument this member cannot work with (a wrong shape, size, length or entry); the message names it and says what would work.</exception>
    public static double Accuracy(Tensor predicted, Tensor labels)
    {
        // TODO 7 — predicted.eq(labels) is 1 where right, 0 where wrong: its mean is the accuracy
        //  (.to(float64).mean().item<double>()). First, if the shapes differ, throw an ArgumentException
        //  whose message shows both shapes.
        throw new NotImplementedException("TODO 7: write Training.Accuracy. See README step 7.");
    }
}
