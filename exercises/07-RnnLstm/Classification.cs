using static TorchSharp.torch.optim;

namespace Katas.RnnLstm;

/// <summary>Training and testing the row-by-row LSTM on MNIST.</summary>
public static class Classification
{
    /// <summary>
    /// One epoch in train mode: every image once, in a new random order each call, in batches of
    /// <paramref name="batchSize"/> (the last one may be shorter), each image with its own label, with
    /// cross-entropy. images: float32 [N, 1, 28, 28]; labels: int64 [N]; both on the model's device.
    /// Clips the gradient norm to <paramref name="clipNorm"/> before each update when it is positive,
    /// and steps <paramref name="schedule"/> (if any) once after every optimizer step. Returns the mean
    /// of the batch losses.
    /// </summary>
    public static float TrainEpoch(RowLstm model, Optimizer optimizer, Tensor images, Tensor labels, int batchSize,
        lr_scheduler.LRScheduler? schedule = null, double clipNorm = 0)
    {
        // TODO 10a — Chapter 2's epoch, and two things a long recurrent network needs: a cap on its
        //  gradient, which can spike after 28 time steps, and a learning rate that changes during
        //  training. A one-cycle schedule counts batches, not epochs. Shuffling matters as much as
        //  ever: a model fed the same sequence of batches each epoch learns that sequence too.
        throw new NotImplementedException("TODO 10: one epoch of training (Classification.TrainEpoch). See README step 10.");
    }

    /// <summary>
    /// Trains for <paramref name="epochs"/> epochs with Adam and a one-cycle learning rate that peaks
    /// at <paramref name="maxLearningRate"/> and spans every batch of every epoch, clipping at
    /// <paramref name="clipNorm"/>. Returns each epoch's mean loss, one per epoch.
    /// </summary>
    public static float[] Fit(RowLstm model, Tensor images, Tensor labels, int epochs, int batchSize, double maxLearningRate, double clipNorm)
    {
        // TODO 10b — A one-cycle schedule must know in advance how many optimizer steps the whole run
        //  takes: it warms the rate up over the first 30 % of them, then anneals it to almost 0. Count
        //  the batches of an epoch the way TrainEpoch cuts them, short last batch included.
        throw new NotImplementedException("TODO 10: the training run (Classification.Fit). See README step 10.");
    }

    /// <summary>
    /// The share of images whose highest score is their label, between 0 and 1, measured in eval mode
    /// without recording gradients, in slices of <paramref name="batchSize"/> images. images: float32
    /// [N, 1, 28, 28]; labels: int64 [N]; both on the model's device. Leaves the model in eval mode.
    /// </summary>
    public static double Accuracy(RowLstm model, Tensor images, Tensor labels, int batchSize = 1000)
    {
        // TODO 11 — Measuring is not training: the model must behave as it will when used, and no graph
        //  should be kept for 10 000 images nobody back-propagates through. Slices keep the memory
        //  small; counting matches per slice keeps it exact.
        throw new NotImplementedException("TODO 11: accuracy on the test set (Classification.Accuracy). See README step 11.");
    }
}
