namespace Katas.TrainingDiagnostics;

/// <summary>What <see cref="OverfitOneBatch.Run"/> saw: every step's loss, and whether the batch was learned by heart.</summary>
public sealed record OverfitReport(float[] Losses, bool Memorised);

/// <summary>Step 4: can the program learn one small batch by heart?</summary>
public static class OverfitOneBatch
{
    /// <summary>
    /// Trains setup.Model (in train mode, where it is) for <paramref name="steps"/> steps with one
    /// optimizer made by setup.Optimizer and with setup.Loss, on batch 0 of setup.Batch, asked for at
    /// every step. Losses: each step's loss, before its update. Memorised: every loss is finite and
    /// the last one is below <paramref name="target"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">steps is less than 1.</exception>
    public static OverfitReport Run(TrainingSetup setup, int steps = 200, double target = 0.05)
    {
        // TODO 4 — A model that works can learn a few examples by heart; one that cannot has a bug, and
        //  a tiny batch finds it in seconds instead of hours. Two things decide whether this check can
        //  see a bug at all: where the batch comes from at each step, and what "by heart" means (a
        //  loss that merely falls is no proof) (README step 4).
        throw new NotImplementedException("TODO 4: overfit one batch (OverfitOneBatch.Run). See README step 4.");
    }
}
