using SkiaSharp;

namespace Katas.TrainingDiagnostics;

/// <summary>The learning-rate range test's curve: the rate of every step and its smoothed loss.</summary>
public sealed record LrCurve(double[] Rates, float[] Losses);

/// <summary>Step 5: sweep the learning rate, watch the loss, pick a rate.</summary>
public static class LrRangeTest
{
    /// <summary>The colour of the loss curve in <see cref="Plot"/>.</summary>
    public static readonly SKColor CurveColor = new(0x1f, 0x77, 0xb4);
    /// <summary>The colour of the vertical line that marks the suggested rate.</summary>
    public static readonly SKColor SuggestionColor = new(0xd6, 0x27, 0x28);

    /// <summary>
    /// Trains setup.Model (train mode) with one optimizer from setup.Optimizer for up to
    /// <paramref name="steps"/> steps. Step k sets every param group's learning rate to
    /// minLr * (maxLr / minLr)^(k / (steps - 1)), then trains on setup.Batch(k) with setup.Loss.
    /// Records the loss smoothed as avg_k = beta avg_(k-1) + (1 - beta) loss_k (avg starts at 0),
    /// reported as avg_k / (1 - beta^(k+1)). Stops before recording a smoothed loss that is not
    /// finite, and right after recording one above 4 times the lowest so far.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">minLr is not positive, maxLr is not above minLr, or steps is less than 2.</exception>
    public static LrCurve Run(TrainingSetup setup, double minLr = 1e-5, double maxLr = 1, int steps = 100, double beta = 0.9)
    {
        // TODO 5a — Smith's range test: one short run that tries every scale of learning rate, from
        //  far too small to far too large, so that the loss curve shows where learning starts and
        //  where it breaks. Spacing, smoothing and stopping each have a reason in README step 5.
        throw new NotImplementedException("TODO 5: the learning-rate sweep (LrRangeTest.Run). See README step 5.");
    }

    /// <summary>
    /// The rate at the start of the steepest fall of the curve, loss against log(rate), among the
    /// segments before the lowest loss.
    /// </summary>
    /// <exception cref="ArgumentException">The lowest loss is the first one: the loss never falls.</exception>
    public static double Suggest(LrCurve curve)
    {
        // TODO 5b — Reading the curve. The lowest point is tempting and wrong: it sits at the edge of
        //  divergence (README step 5).
        throw new NotImplementedException("TODO 5: pick a rate from the curve (LrRangeTest.Suggest). See README step 5.");
    }

    /// <summary>
    /// Draws the curve (x: log10 of the rate, y: the smoothed loss) in <see cref="CurveColor"/>, and
    /// a vertical line at <paramref name="suggested"/> from the lowest to the highest loss in
    /// <see cref="SuggestionColor"/>, as a 640 x 360 PNG at <paramref name="path"/> (Kit's LinePlots).
    /// </summary>
    public static void Plot(LrCurve curve, double suggested, string path)
    {
        // TODO 5c — A curve is read by eye before it is read by code: the picture shows whether the
        //  suggestion sits where the loss dives.
        throw new NotImplementedException("TODO 5: draw the curve (LrRangeTest.Plot). See README step 5.");
    }
}
