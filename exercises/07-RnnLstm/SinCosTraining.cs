using static TorchSharp.torch.optim;

namespace Katas.RnnLstm;

/// <summary>Training the sin -> cos regressor, and watching how well it fits.</summary>
public static class SinCosTraining
{
    /// <summary>
    /// One optimizer step on the windows (x, y), starting from <paramref name="hidden"/> (null: empty).
    /// Returns the MSE loss before the update and the RNN's new hidden state, detached.
    /// </summary>
    public static (float Loss, Tensor Hidden) TrainStep(SinCosNet model, Optimizer optimizer, Tensor x, Tensor y, Tensor? hidden, double clipNorm = 0)
    {
        // TODO 6 — chapter 1's three lines, plus two things an RNN needs:
        //  (the code itself: hint level 3)
        //  Return (loss.item<float>(), next.detach()): the seed's `h_state = h_state.data`. The next
        //  window needs the state's values, not the graph back through every window before it.
        throw new NotImplementedException("TODO 6: one training step that carries the hidden state (SinCosTraining.TrainStep). See README step 6.");
    }

    /// <summary>Trains for recipe.Steps steps, step k on window k of every stream; returns each step's loss.</summary>
    public static float[] Fit(SinCosNet model, SinCosRecipe recipe)
    {
        // TODO 7 — the recipe (README step 7 explains each ingredient):
        //  - Adam(model.parameters(), recipe.LearningRate); with recipe.Anneal also
        //    lr_scheduler.CosineAnnealingLR(optimizer, recipe.Steps), stepped after every optimizer step.
        //  - Stream starts: torch.zeros(1) for one stream (the seed: from t = 0), otherwise
        //    torch.rand(recipe.Streams) * 2 pi (each stream at its own phase, from the seeded torch RNG),
        //    moved to the model's device: .to(model.parameters().First().device).
        //  - Step k: SinCos.Windows(starts + k * pi, recipe.TimeSteps); TrainStep with the hidden state
        //    the previous step returned (null at first) and recipe.ClipNorm.
        //  - A dispose scope per step; keep the hidden state alive across steps with MoveToOuterDisposeScope().
        throw new NotImplementedException("TODO 7: the training loop (SinCosTraining.Fit). See README step 7.");
    }

    /// <summary>
    /// The evaluation sweep: <paramref name="windows"/> windows from t = 0 one after the other,
    /// from an empty state, carrying it from window to window, in eval mode without gradients.
    /// Returns t, sin(t), cos(t) and the prediction, each flattened to [windows * timeSteps].
    /// </summary>
    public static (Tensor T, Tensor Sin, Tensor Cos, Tensor Prediction) Sweep(SinCosNet model, int windows = 8, int timeSteps = 10)
    {
        // TODO 8a — eval mode and no gradients; for window k start at k * pi
        //  (SinCos.Windows(a one-element tensor k * pi on the model's device, timeSteps)), feed it with the
        //  hidden state of the window before, and collect t, x, y and the prediction; torch.cat each list.
        throw new NotImplementedException("TODO 8: the evaluation sweep (SinCosTraining.Sweep). See README step 8.");
    }

    /// <summary>The MSE between prediction and cos over the sweep, leaving out its first window.</summary>
    public static double Evaluate(SinCosNet model, int windows = 8, int timeSteps = 10)
    {
        // TODO 8b — nn.functional.mse_loss(prediction[timeSteps..], cos[timeSteps..]) of the Sweep.
        //  The first window is warm-up: at t = 0 the state is empty, and sin alone cannot tell a rising
        //  wave (cos > 0) from a falling one (cos < 0).
        throw new NotImplementedException("TODO 8: the sweep's mean squared error (SinCosTraining.Evaluate). See README step 8.");
    }
}
