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
        // TODO 4 (README step 4) — the three core lines around a forward pass and a cross-entropy loss.
        //  Why clear first? backward() ADDS into each parameter's .grad: without clearing, step 10
        //  would follow the sum of ten gradients (a test catches exactly that). Return the loss of
        //  this batch as a float, computed before the update.
        throw new NotImplementedException("TODO 4: write Training.TrainStep (zero_grad, backward, step). See README step 4.");
    }

    /// <summary>Trains for <paramref name="steps"/> full-batch steps of SGD; returns each step's loss.</summary>
    public static float[] Fit(Net model, Tensor x, Tensor y, int steps, double learningRate = 0.02)
    {
        // TODO 5 (README step 5) — plain SGD over the model's parameters, made once (an optimizer keeps
        //  state between steps), then `steps` calls of TrainStep; return their losses in order.
        throw new NotImplementedException("TODO 5: write Training.Fit (an SGD optimizer and a loop). See README step 5.");
    }

    /// <summary>The predicted class of every row of x: int64 [N], on the CPU.</summary>
    public static Tensor Predict(Net model, Tensor x)
    {
        // TODO 6 (README step 6) — testing: eval mode, and no gradients (nothing will be trained, so
        //  recording the graph only costs memory). The predicted class is the index of the largest
        //  score; bring the result back to the CPU so that callers can read it.
        throw new NotImplementedException("TODO 6: write Training.Predict (eval, no_grad, argmax). See README step 6.");
    }

    /// <summary>The fraction of rows of x whose predicted class equals y, between 0 and 1.</summary>
    public static double Accuracy(Net model, Tensor x, Tensor y)
    {
        // TODO 7 (README step 7) — the share of points whose prediction (your Predict) equals y.
        throw new NotImplementedException("TODO 7: write Training.Accuracy. See README step 7.");
    }
}
