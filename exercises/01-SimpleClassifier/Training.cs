using static TorchSharp.torch.optim;

namespace Katas.SimpleClassifier;

/// <summary>Training and testing the network of chapter 1.</summary>
public static class Training
{
    /// <summary>
    /// One step of training on the batch (x, y) with CrossEntropyLoss: the three core lines.
    /// </summary>
    /// <returns>The loss on this batch before the update.</returns>
    public static float TrainStep(Net model, Optimizer optimizer, Tensor x, Tensor y)
    {
        // TODO 4 — the three core lines, around a forward pass:
        //  (the code itself: hint level 3)
        //    var loss = nn.functional.cross_entropy(model.forward(x), y);
        //  (the code itself: hint level 3)
        //  Return loss.item<float>().
        throw new NotImplementedException("TODO 4: write Training.TrainStep (zero_grad, backward, step). See README step 4.");
    }

    /// <summary>Trains for <paramref name="steps"/> full-batch steps of SGD; returns each step's loss.</summary>
    public static float[] Fit(Net model, Tensor x, Tensor y, int steps, double learningRate = 0.02)
    {
        // TODO 5 — make the optimizer once: SGD(model.parameters(), learningRate),
        //  then call TrainStep `steps` times and collect the losses.
        throw new NotImplementedException("TODO 5: write Training.Fit (an SGD optimizer and a loop). See README step 5.");
    }

    /// <summary>The predicted class of every row of x: int64 [N], on the CPU.</summary>
    public static Tensor Predict(Net model, Tensor x)
    {
        // TODO 6 — testing needs no gradients:
        //  (the code itself: hint level 3)
        //  The predicted class is the index of the largest score: argmax(dim: 1).
        //  Bring the result back with .cpu() so that callers can read it.
        throw new NotImplementedException("TODO 6: write Training.Predict (eval, no_grad, argmax). See README step 6.");
    }

    /// <summary>The fraction of rows of x whose predicted class equals y, between 0 and 1.</summary>
    public static double Accuracy(Net model, Tensor x, Tensor y)
    {
        // TODO 7 — compare Predict(model, x) with y (eq), count the matches, divide by the count.
        throw new NotImplementedException("TODO 7: write Training.Accuracy. See README step 7.");
    }
}
