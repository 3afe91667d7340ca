using Katas.Kit.Pictures;

namespace Katas.TrainingDiagnostics.Tests;

// Calibrated over seeds 0..9 (README): SGD with momentum 0.9, Linear(64, 32) -> ReLU -> Linear(32, 10),
// rates 1e-4 to 10 over 100 steps. The sweep stopped after 84-86 steps, suggested 0.11-0.17, and
// 60 steps at the suggested rate brought the loss to 0.001-0.004; at the rate of the lowest loss
// (0.77-1.2) training blew up (loss 1e3-1e6).
public class LrRangeTestTests
{
    static TrainingSetup Sgd(int seed, double lr = 0.1) => Setups.Healthy(seed, width: 32, lr: lr, sgd: true);

    [Fact, Points(1), Step(5)]
    public void The_rates_grow_geometrically_from_min_to_max()
    {
        using var _ = TorchThreads.Limit(1);

        var curve = LrRangeTest.Run(Sgd(0), minLr: 1e-5, maxLr: 1e-2, steps: 31);

        curve.Rates.Length.ShouldBe(31, "at these small rates nothing diverges: every step is recorded");
        curve.Losses.Length.ShouldBe(curve.Rates.Length, "one loss per rate");
        curve.Rates[0].ShouldBe(1e-5, 1e-12, "the sweep starts at minLr");
        curve.Rates[^1].ShouldBe(1e-2, 1e-9, "and ends at maxLr");
        curve.Rates[10].ShouldBe(1e-4, 1e-10,
            "each step multiplies the rate by the same factor, (max/min)^(1/(steps-1)): an exponential sweep spends as many steps " +
            "on 1e-5..1e-4 as on 1e-3..1e-2 (a linear one would spend almost all of them near maxLr)");
    }

    [Fact, Points(3), Step(5)]
    public void Each_step_trains_at_its_own_rate_on_the_next_batch_and_records_the_smoothed_loss()
    {
        using var _ = TorchThreads.Limit(1);
        var sgd = Sgd(1);
        torch.optim.Optimizer? made = null;
        var seen = new List<(int Batch, double Rate, float Loss)>();
        var batch = -1;
        var setup = new TrainingSetup
        {
            Model = sgd.Model,
            Batch = k => { batch = k; return sgd.Batch(k); },
            Optimizer = parameters => made = sgd.Optimizer(parameters),
            Loss = (scores, y) =>
            {
                var loss = sgd.Loss(scores, y);
                seen.Add((batch, made!.ParamGroups.First().LearningRate, loss.item<float>()));
                return loss;
            },
        };

        var curve = LrRangeTest.Run(setup, minLr: 1e-3, maxLr: 0.1, steps: 20);

        var average = 0.0;
        for (var k = 0; k < Math.Min(seen.Count, curve.Losses.Length); k++)
        {
            seen[k].Batch.ShouldBe(k, "step k trains on batch k of the pipeline: the sweep moves through the data");
            seen[k].Rate.ShouldBe(curve.Rates[k], 1e-12 + 1e-9 * curve.Rates[k],
                $"step {k} computed its loss while the optimizer's rate was {seen[k].Rate:G4}, not the curve's {curve.Rates[k]:G4}: set every " +
                "param group's LearningRate before the step it is meant for");
            average = 0.9 * average + 0.1 * seen[k].Loss;
            var smoothed = average / (1 - Math.Pow(0.9, k + 1));
            curve.Losses[k].ShouldBe((float)smoothed, 1e-4f + 1e-4f * (float)smoothed,
                $"step {k}: the curve holds the smoothed loss, avg = 0.9 avg + 0.1 loss, divided by (1 - 0.9^(k+1)) so that the first " +
                "steps are not pulled towards the 0 the average starts from (README step 5)");
        }
        seen.Count.ShouldBe(20, "one training step per rate, each with the program's own loss");
        curve.Losses.Length.ShouldBe(20, "nothing diverges at these rates: every step is recorded");
    }

    [Fact, Points(2), Step(5)]
    public void The_sweep_stops_once_the_loss_diverges()
    {
        using var _ = TorchThreads.Limit(1);

        var curve = LrRangeTest.Run(Sgd(2), minLr: 1e-4, maxLr: 10, steps: 100);

        curve.Losses.ShouldAllBe(l => float.IsFinite(l), "a loss that is NaN or infinite ends the sweep and is not recorded");
        for (var k = 0; k < curve.Losses.Length - 1; k++)
            curve.Losses[k].ShouldBeLessThanOrEqualTo(4 * curve.Losses[..(k + 1)].Min(),
                $"step {k} was already above 4 times the lowest loss so far, and the sweep went on: stop right there");
        curve.Rates.Length.ShouldBeLessThan(100, "somewhere below lr 10 plain SGD diverges on this problem: the sweep stops there");
        curve.Losses[^1].ShouldBeGreaterThan(4 * curve.Losses.Min(),
            "the sweep stops right after the first smoothed loss above 4 times the lowest so far (it records that one)");
    }

    [Fact, Points(2), Step(5)]
    public void Suggest_picks_where_the_loss_falls_fastest_not_where_it_is_lowest()
    {
        var rates = Enumerable.Range(0, 12).Select(k => 1e-4 * Math.Pow(10, k / 2.0)).ToArray();
        float[] losses = [2.30f, 2.30f, 2.28f, 2.20f, 1.90f, 1.20f, 0.80f, 0.70f, 0.65f, 0.90f, 3.0f, 9.0f];

        var suggested = LrRangeTest.Suggest(new LrCurve(rates, losses));

        suggested.ShouldBe(rates[4], 1e-12,
            "the steepest fall is from step 4 to 5 (1.90 -> 1.20): suggest the rate where that segment starts. The lowest loss " +
            "(step 8) sits next to divergence: a rate picked there is too large to train with (README step 5)");
    }

    [Fact, Points(1), Step(5)]
    public void Suggest_ignores_what_happens_after_the_lowest_loss()
    {
        var rates = Enumerable.Range(0, 7).Select(k => 1e-3 * Math.Pow(10, k / 2.0)).ToArray();
        float[] losses = [2.3f, 2.0f, 1.6f, 1.0f, 3.5f, 1.2f, 3.9f];

        LrRangeTest.Suggest(new LrCurve(rates, losses)).ShouldBe(rates[2], 1e-12,
            "past the lowest loss (1.0 at step 3) the run is breaking down: the fall 3.5 -> 1.2 there is a wild swing, not learning. " +
            "Look for the steepest fall only among the segments before the lowest loss: here 1.6 -> 1.0, from step 2 (README step 5)");
        Should.Throw<ArgumentException>(() => LrRangeTest.Suggest(new LrCurve(rates[..3], [1f, 2f, 5f])),
            "a loss that never falls suggests no rate: say so with an ArgumentException");
    }

    [Fact, Points(2), Step(5)]
    public void The_suggested_rate_trains_well()
    {
        using var _ = TorchThreads.Limit(1);
        var curve = LrRangeTest.Run(Sgd(3), minLr: 1e-4, maxLr: 10, steps: 100);

        var suggested = LrRangeTest.Suggest(curve);
        var losses = Reference.Train(Sgd(3, lr: suggested), steps: 60);

        suggested.ShouldBeInRange(0.01, 1.0, "SGD with momentum on this problem learns fastest between 0.01 and 1 (0.11-0.17 over seeds 0..9)");
        losses.TakeLast(10).Average().ShouldBeLessThan(0.05f,
            $"60 steps at the suggested rate {suggested:G3} should bring the loss near 0 (0.001-0.004 over seeds 0..9)");
    }

    [Fact, Points(1), Step(5)]
    public void The_curve_is_drawn_as_a_png_with_the_suggested_rate_marked()
    {
        using var _ = TorchThreads.Limit(1);
        var curve = LrRangeTest.Run(Sgd(4), minLr: 1e-4, maxLr: 10, steps: 100);
        var path = RepoPaths.Output("09-TrainingDiagnostics", "lr-range-test.png");

        LrRangeTest.Plot(curve, LrRangeTest.Suggest(curve), path);

        using var picture = Plots.Load(path);
        picture.Width.ShouldBe(640);
        picture.Height.ShouldBe(360);
        picture.PixelsOf(LrRangeTest.CurveColor).Count.ShouldBeGreaterThan(300, "the loss curve is drawn in CurveColor");
        var marker = picture.PixelsOf(LrRangeTest.SuggestionColor);
        marker.Count.ShouldBeGreaterThan(150, "the suggested rate is marked by a vertical line in SuggestionColor");
        (marker.Max(p => p.X) - marker.Min(p => p.X)).ShouldBeLessThan(6, "the marker is a vertical line at one rate");
    }
}
