using static TorchSharp.torch.optim;

namespace Katas.RnnLstm;

/// <summary>Training the sin -> cos regressor, and watching how well it fits.</summary>
public static class SinCosTraining
{
    /// <summary>
    /// One optimizer step on the windows x (sin) and y (cos), both float32 [B, T, 1], starting from
    /// <paramref name="hidden"/> ([1, B, hidden], or null: an empty state). Trains in train mode,
    /// with this window's gradient only; when <paramref name="clipNorm"/> is positive, the update
    /// uses the gradient scaled down to a total norm of at most clipNorm. Returns the MSE loss
    /// before the update, and the RNN's new hidden state: its values, detached from the graph.
    /// </summary>
    public static (float Loss, Tensor Hidden) TrainStep(SinCosNet model, Optimizer optimizer, Tensor x, Tensor y, Tensor? hidden, double clipNorm = 0)
    {
        // TODO 6 — Chapter 1's training step, and two things a recurrent network adds. Its gradients
        //  can spike when they flow back through many time steps, so the update is capped (the cap
        //  only helps if the optimizer sees the capped gradient). And the state handed to the next
        //  window keeps its values but not its history: otherwise the next backward runs into a
        //  graph that is already freed (README, "Carrying the state, cutting the graph").
        throw new NotImplementedException("TODO 6: one training step that carries the hidden state (SinCosTraining.TrainStep). See README step 6.");
    }

    /// <summary>
    /// Trains <paramref name="model"/> where it is (CPU or GPU) with Adam for recipe.Steps steps:
    /// step k on window k (t from start + k * pi) of recipe.Streams streams, each stream starting at
    /// its own phase (0 for a single stream), with the hidden state carried from step to step, the
    /// recipe's clipping, and, with recipe.Anneal, a cosine-annealed learning rate. Returns each step's loss.
    /// </summary>
    public static float[] Fit(SinCosNet model, SinCosRecipe recipe)
    {
        // TODO 7 — Truncated back-propagation through time: the network sees one long wave, window by
        //  window, and its memory runs across the windows while each gradient stays inside one. Every
        //  ingredient of the recipe is there for a measured reason (README, "Why the seed's recipe
        //  wobbles"); the state you carry must outlive each step's clean-up of temporaries.
        throw new NotImplementedException("TODO 7: the training loop (SinCosTraining.Fit). See README step 7.");
    }

    /// <summary>
    /// The evaluation sweep: <paramref name="windows"/> windows from t = 0 one after the other (window
    /// k starts at k * pi), from an empty state, carrying it from window to window, on the model's
    /// device, in eval mode and without recording gradients. Returns t, sin(t), cos(t) and the
    /// prediction, each float32 and flattened to [windows * timeSteps]. Leaves the model in eval mode.
    /// </summary>
    public static (Tensor T, Tensor Sin, Tensor Cos, Tensor Prediction) Sweep(SinCosNet model, int windows = 8, int timeSteps = 10)
    {
        // TODO 8a — Watching a model is not training it: nothing here should change it or build a
        //  graph for a backward that never comes. Run as one long sequence, the windows show whether
        //  the network uses its memory across window boundaries, where the picture would jump if not.
        throw new NotImplementedException("TODO 8: the evaluation sweep (SinCosTraining.Sweep). See README step 8.");
    }

    /// <summary>
    /// The mean squared error between prediction and cos over the sweep of <see cref="Sweep"/>,
    /// leaving out its first window (the warm-up). A number of at least 0; about 0.5 for an untrained network.
    /// </summary>
    public static double Evaluate(SinCosNet model, int windows = 8, int timeSteps = 10)
    {
        // TODO 8b — A fair score judges only what the network could know. At t = 0 its state is empty,
        //  and sin alone cannot tell a rising wave (cos > 0) from a falling one (cos < 0): its first
        //  window is a guess, so the score leaves it out.
        throw new NotImplementedException("TODO 8: the sweep's mean squared error (SinCosTraining.Evaluate). See README step 8.");
    }
}
