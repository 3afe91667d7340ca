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

    /// <summary>One step of training on a batch with CrossEntropyLoss.</summary>
    /// <returns>The batch's loss before the update.</returns>
    public static float TrainStep(Cnn model, Optimizer optimizer, Tensor images, Tensor labels)
    {
        // TODO 2 — the training step you know from chapters 1 and 2:
        //  (the code itself: hint level 3)
        //    var loss = nn.functional.cross_entropy(model.call(images), labels);   // call = PyTorch's model(x)
        //  (the code itself: hint level 3)
        //  Return loss.item<float>().
        throw new NotImplementedException("TODO 2: write Training.TrainStep (zero_grad, backward, step). See README step 2.");
    }

    /// <summary>The fraction of <paramref name="images"/> classified as <paramref name="labels"/> say, in [0, 1].</summary>
    public static double Accuracy(Cnn model, Tensor images, Tensor labels)
    {
        // TODO 3 — testing: eval mode, and no gradients to record (torch.no_grad()).
        //  The predicted digit is the index of the highest score: model.call(images).argmax(dim: 1).
        //  Compare with labels (eq), turn into a share: .to(float64).mean().item<double>().
        throw new NotImplementedException("TODO 3: write Training.Accuracy (eval, no_grad, argmax). See README step 3.");
    }

    /// <summary>
    /// Trains for <paramref name="steps"/> steps of Adam on consecutive batches of <paramref name="train"/>
    /// and logs, for TensorBoard, the loss of every step under <see cref="LossTag"/> and, every
    /// <see cref="AccuracyEvery"/> steps (0, 50, 100, ...), the accuracy on <paramref name="heldOut"/>
    /// under <see cref="AccuracyTag"/>.
    /// </summary>
    /// <returns>Each step's loss.</returns>
    public static float[] Fit(Cnn model, SummaryWriter writer, MnistSplit train, MnistSplit heldOut,
        int steps, int batchSize = 64, double learningRate = 0.001)
    {
        // TODO 4 — the source's training loop, with its two add_scalar lines:
        //      for step ...:
        //          loss = train_step(...)
        //          if step % 50 == 0:
        //              writer.add_scalar("Train/Accuracy", accuracy_on_held_out, step)
        //          writer.add_scalar("Train/Loss", loss, step)
        //  - One optimizer for the whole run: Adam(model.parameters(), learningRate).
        //  - Batch `step` is images [start, start + batchSize) with start = step * batchSize, wrapping
        //    around at the end of the data (train.Count / batchSize batches fit): train.Images[a..b].
        //  - using var scope = torch.NewDisposeScope(); inside the loop frees each step's tensors.
        throw new NotImplementedException("TODO 4: write Training.Fit (train and log Train/Loss and Train/Accuracy). See README step 4.");
    }
}
