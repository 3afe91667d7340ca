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
    /// <param name="model">Any classifier whose forward gives raw scores [B, 10]; it may arrive in eval mode.</param>
    /// <param name="optimizer">Made over the model's parameters (the tests use Adam, lr 1e-3).</param>
    /// <param name="batches">Enumerated once; a batch may be disposed when the next one is asked for.</param>
    /// <returns>The mean of the batches' cross-entropy losses, each taken before its step. The model is left in training mode.</returns>
    /// <exception cref="ArgumentException">batches held no batch at all (an empty dataset): there is no mean to return.</exception>
    public static double TrainEpoch(Module<Tensor, Tensor> model, Optimizer optimizer, IEnumerable<Dictionary<string, Tensor>> batches)
    {
        // TODO 5 (README step 5) — chapter 1's training step, once per batch. Two things chapter 1 did
        //  not need: the model may come straight from Predict, still in evaluation mode; and 938 batches
        //  an epoch each leave activations and a graph behind, which nothing frees unless you free
        //  each batch's when its step is done. Read a batch's loss before the next batch is asked for.
        throw new NotImplementedException("TODO 5: write Training.TrainEpoch (one step per batch). See README step 5.");
    }

    /// <summary>The predicted digit of every image: int64 [N], on the CPU.</summary>
    /// <param name="images">[N, 1, 28, 28] on the model's device.</param>
    /// <param name="batchSize">The most images one forward pass sees.</param>
    /// <exception cref="ArgumentOutOfRangeException">batchSize is below 1.</exception>
    public static Tensor Predict(Module<Tensor, Tensor> model, Tensor images, int batchSize = 1000)
    {
        // TODO 6 (README step 6) — testing. Nothing will be trained, so nothing should be recorded for
        //  training, and layers that behave differently in training must not; a spy model in the tests
        //  watches both. Memory: one forward pass over 10 000 images holds every activation at once, a
        //  chunk of batchSize only its own. The answer is read on the CPU (Accuracy, the pictures).
        throw new NotImplementedException("TODO 6: write Training.Predict (eval, no_grad, argmax, cpu). See README step 6.");
    }

    /// <summary>The share of <paramref name="predicted"/> equal to <paramref name="labels"/>, between 0 and 1.</summary>
    /// <param name="predicted">int64 [N], on any device.</param>
    /// <param name="labels">int64 [N], on any device.</param>
    /// <exception cref="ArgumentException">predicted and labels differ in shape; the message shows both shapes.</exception>
    public static double Accuracy(Tensor predicted, Tensor labels)
    {
        // TODO 7 (README step 7) — a share, not a count: 0.9 means nine in ten. Tensors of different
        //  shapes would either fail inside libtorch or broadcast into a number that means nothing, so
        //  check them first and let the message show what you were given.
        throw new NotImplementedException("TODO 7: write Training.Accuracy. See README step 7.");
    }
}
