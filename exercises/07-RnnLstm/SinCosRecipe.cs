namespace Katas.RnnLstm;

/// <summary>
/// Given: how the sin -> cos regressor is trained. <see cref="SinCosTraining.Fit"/> follows it;
/// README step 7 explains why <see cref="Stable"/> is stable and <see cref="Seed"/> is not.
/// </summary>
/// <param name="Streams">Sequences trained side by side (the batch); each starts at its own random phase.</param>
/// <param name="TimeSteps">Points per window (a window is pi long).</param>
/// <param name="Steps">Optimizer steps; step k trains on window k of every stream.</param>
/// <param name="LearningRate">Adam's learning rate (the peak, when Anneal is on).</param>
/// <param name="ClipNorm">Largest gradient norm (0: no clipping).</param>
/// <param name="Anneal">Lower the learning rate to ~0 over the run (cosine), instead of keeping it fixed.</param>
public sealed record SinCosRecipe(int Streams, int TimeSteps, int Steps, double LearningRate, double ClipNorm, bool Anneal)
{
    /// <summary>The seed tutorial's recipe: one window per step from t = 0, Adam lr 0.02, 100 steps.</summary>
    public static SinCosRecipe Seed { get; } = new(Streams: 1, TimeSteps: 10, Steps: 100, LearningRate: 0.02, ClipNorm: 0, Anneal: false);

    /// <summary>The chapter's recipe: 16 streams, clipped gradients, an annealed learning rate.</summary>
    public static SinCosRecipe Stable { get; } = new(Streams: 16, TimeSteps: 10, Steps: 300, LearningRate: 0.01, ClipNorm: 1, Anneal: true);
}
