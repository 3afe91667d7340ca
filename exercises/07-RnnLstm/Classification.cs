using static TorchSharp.torch.optim;

namespace Katas.RnnLstm;

/// <summary>Training and testing the row-by-row LSTM on MNIST.</summary>
public static class Classification
{
    /// <summary>
    /// One epoch: every image once, in shuffled batches of <paramref name="batchSize"/>, with
    /// cross-entropy. Steps <paramref name="schedule"/> after every batch, clips the gradient norm
    /// to <paramref name="clipNorm"/> when it is positive. Returns the mean of the batch losses.
    /// </summary>
    public static float TrainEpoch(RowLstm model, Optimizer optimizer, Tensor images, Tensor labels, int batchSize,
        lr_scheduler.LRScheduler? schedule = null, double clipNorm = 0)
    {
        // TODO 10a — chapter 2's epoch, with two additions:
        //  (the code itself: hint level 3; the shuffled order is made on the images' device)
        //    a dispose scope, zero_grad, cross_entropy(model.forward(images[index]), labels[index]), backward,
        //  - nn.utils.clip_grad_norm_(model.parameters(), clipNorm) when clipNorm > 0, then step,
        //  - schedule?.step() after every optimizer step (one-cycle schedules count batches, not epochs).
        throw new NotImplementedException("TODO 10: one epoch of training (Classification.TrainEpoch). See README step 10.");
    }

    /// <summary>Trains for <paramref name="epochs"/> epochs with Adam and a one-cycle schedule; returns each epoch's loss.</summary>
    public static float[] Fit(RowLstm model, Tensor images, Tensor labels, int epochs, int batchSize, double maxLearningRate, double clipNorm)
    {
        // TODO 10b — Adam(model.parameters(), maxLearningRate) and
        //  lr_scheduler.OneCycleLR(optimizer, maxLearningRate, total_steps: epochs * batchesPerEpoch):
        //  the rate climbs to its peak over the first 30 % of the steps, then anneals to ~0.
        //  Then TrainEpoch `epochs` times with that schedule and clipNorm.
        throw new NotImplementedException("TODO 10: the training run (Classification.Fit). See README step 10.");
    }

    /// <summary>The share of images whose highest score is their label, between 0 and 1.</summary>
    public static double Accuracy(RowLstm model, Tensor images, Tensor labels, int batchSize = 1000)
    {
        // TODO 11 — eval mode and no gradients; in slices of batchSize (a dispose scope each):
        //  count predicted.eq(labels) with predicted = model.forward(slice).argmax(1); divide by N.
        throw new NotImplementedException("TODO 11: accuracy on the test set (Classification.Accuracy). See README step 11.");
    }
}
