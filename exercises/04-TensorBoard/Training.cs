using Katas.Kit.Data;
using Katas.Kit.TensorBoard;
using static TorchSharp.torch.optim;

namespace Katas.TensorBoard;

/// <summary>Training the CNN while TensorBoard watches.</summary>
public static class Training
{
    public const string LossTag = "Train/Loss";
    public const string AccuracyTag = "Train/Accuracy";
    public const int AccuracyEvery = 50;

    /// <summary>
    /// One step of training on a batch, in training mode: the cross-entropy of the model's raw scores
    /// for <paramref name="images"/> [N, 1, 28, 28] (float32) against <paramref name="labels"/> [N]
    /// (int64, 0..9), its gradients, and one step of <paramref name="optimizer"/>. Model and data are on
    /// the same device.
    /// </summary>
    /// <returns>The batch's loss before the update.</returns>
    public static float TrainStep(Cnn model, Optimizer optimizer, Tensor images, Tensor labels)
    {
        // TODO 2 — The step of chapters 1 and 2, unchanged: TensorBoard only watches. Remember what
        //  stays behind between steps (accumulated gradients, the mode Accuracy left the model in) and
        //  what cross-entropy expects (raw scores: it applies the softmax itself).
        throw new NotImplementedException("TODO 2: write Training.TrainStep (zero_grad, backward, step). See README step 2.");
    }

    /// <summary>
    /// The fraction of <paramref name="images"/> [N, 1, 28, 28] whose highest score is the class
    /// <paramref name="labels"/> [N] gives, in [0, 1]. Leaves the model in eval mode, and gradients
    /// switched on as they were.
    /// </summary>
    public static double Accuracy(Cnn model, Tensor images, Tensor labels)
    {
        // TODO 3 — Measuring is not training: the model behaves as at test time, and autograd has nothing
        //  to record (it would keep every layer's output for a backward that never comes). Whatever you
        //  switch off for the measurement must be on again afterwards.
        throw new NotImplementedException("TODO 3: write Training.Accuracy (eval, no_grad, argmax). See README step 3.");
    }

    /// <summary>
    /// Trains for <paramref name="steps"/> steps of one Adam optimizer (learning rate
    /// <paramref name="learningRate"/>) on consecutive batches of <paramref name="train"/>: step s takes
    /// images [s * batchSize, (s + 1) * batchSize), wrapping around after the last whole batch. Logs, for
    /// TensorBoard, the loss of every step under <see cref="LossTag"/> and, every
    /// <see cref="AccuracyEvery"/> steps (0, 50, 100, ...), the accuracy on <paramref name="heldOut"/>
    /// under <see cref="AccuracyTag"/>, each with the step as its x value. Model and data are on the same device.
    /// </summary>
    /// <returns>Each step's loss, <paramref name="steps"/> values.</returns>
    public static float[] Fit(Cnn model, SummaryWriter writer, MnistSplit train, MnistSplit heldOut,
        int steps, int batchSize = 64, double learningRate = 0.001)
    {
        // TODO 4 — A training loop plus two lines of logging: that is all TensorBoard needs to draw the
        //  training. The optimizer carries state from step to step (Adam's running averages), so it lives
        //  as long as the loop. The accuracy is measured on images the model never trains on, or the
        //  curve would only say how well it remembers. Each step's tensors can go when the step ends.
        throw new NotImplementedException("TODO 4: write Training.Fit (train and log Train/Loss and Train/Accuracy). See README step 4.");
    }
}
