using Katas.Kit.Pictures;
using SkiaSharp;

namespace Katas.TrainingDiagnostics;

/// <summary>The learning-rate range test's curve: the rate of every step and its smoothed loss.</summary>
public sealed record LrCurve(double[] Rates, float[] Losses);

/// <summary>Step 5: sweep the learning rate, watch the loss, pick a rate.</summary>
public static class LrRangeTest
{
    public static readonly SKColor CurveColor = new(0x1f, 0x77, 0xb4);
    public static readonly SKColor SuggestionColor = new(0xd6, 0x27, 0x28);

    public static LrCurve Run(TrainingSetup setup, double minLr = 1e-5, double maxLr = 1, int steps = 100, double beta = 0.9)
    {
        if (minLr <= 0 || maxLr <= minLr) throw new ArgumentOutOfRangeException(nameof(maxLr), $"the sweep needs 0 < minLr < maxLr (got {minLr} and {maxLr}).");
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 2);
        var model = setup.Model;
        using var optimizer = setup.Optimizer(model.parameters());
        model.train();
        var (rates, losses) = (new List<double>(), new List<float>());
        var (average, best) = (0.0, double.PositiveInfinity);
        for (var k = 0; k < steps; k++)
        {
            using var scope = torch.NewDisposeScope();
            var rate = minLr * Math.Pow(maxLr / minLr, k / (double)(steps - 1));
            foreach (var group in optimizer.ParamGroups) group.LearningRate = rate;
            var (x, y) = setup.Batch(k);
            optimizer.zero_grad();
            var loss = setup.Loss(model.forward(x), y);
            loss.backward();
            optimizer.step();

            var raw = loss.item<float>();
            average = beta * average + (1 - beta) * raw;
            var smoothed = average / (1 - Math.Pow(beta, k + 1));
            if (!double.IsFinite(smoothed)) break;
            rates.Add(rate);
            losses.Add((float)smoothed);
            best = Math.Min(best, smoothed);
            if (smoothed > 4 * best) break;
        }
        return new LrCurve([.. rates], [.. losses]);
    }

    public static double Suggest(LrCurve curve)
    {
        var lowest = Array.IndexOf(curve.Losses, curve.Losses.Min());
        if (lowest < 1) throw new ArgumentException("the loss never falls: the sweep found no rate that learns.", nameof(curve));
        var steepest = 0;
        var steepestSlope = double.PositiveInfinity;
        for (var k = 0; k < lowest; k++)
        {
            var slope = (curve.Losses[k + 1] - curve.Losses[k]) / (Math.Log(curve.Rates[k + 1]) - Math.Log(curve.Rates[k]));
            if (slope < steepestSlope) (steepest, steepestSlope) = (k, slope);
        }
        return curve.Rates[steepest];
    }

    public static void Plot(LrCurve curve, double suggested, string path)
    {
        var x = curve.Rates.Select(r => (float)Math.Log10(r)).ToArray();
        var (low, high) = (curve.Losses.Min(), curve.Losses.Max());
        var at = (float)Math.Log10(suggested);
        LinePlots.Save(path,
        [
            new Series("loss", x, curve.Losses, CurveColor),
            new Series("suggested rate", [at, at], [low, high], SuggestionColor),
        ]);
    }
}
