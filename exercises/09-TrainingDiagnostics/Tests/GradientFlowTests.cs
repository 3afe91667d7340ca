using static TorchSharp.torch.nn;

namespace Katas.TrainingDiagnostics.Tests;

// Calibrated over seeds 0..9 (README): six Linear layers of 64, Kaiming-initialised, on a batch of
// 100. Healthy ReLU nets: first/last gradient ratio 0.24-0.83, largest norm 1.1-6.3, dead share at
// most 0.11. Sigmoids: ratio 3e-4..5e-4. Weights 3 times too large: largest norm 490-2000 (ratio
// unchanged, 0.2-0.67). Middle layer's biases at -3: that layer 100 % dead.
public class GradientFlowTests
{
    [Fact, Points(2), Step(6)]
    public void Measure_gives_each_weights_gradient_norm_from_input_to_output()
    {
        using var _ = TorchThreads.Limit(1);
        var (x, y) = Deep.Batch(0);
        var net = Deep.Healthy(0);

        var report = GradientFlow.Measure(net, x, y);

        report.Gradients.Select(g => g.Name).ShouldBe(["0.weight", "2.weight", "4.weight", "6.weight", "8.weight", "10.weight"],
            "one entry per layer weight (parameters with 2 or more dimensions; biases left out), in the order of named_parameters()");
        net.zero_grad();
        functional.cross_entropy(net.forward(x), y).backward();
        foreach (var (gradient, (name, parameter)) in report.Gradients.Zip(net.named_parameters().Where(p => p.parameter.dim() >= 2)))
            gradient.Norm.ShouldBe(parameter.grad!.norm().to(float64).item<double>(), 1e-4 * gradient.Norm + 1e-9,
                $"{name}: the norm of the gradient of cross_entropy(model(x), y) with respect to this weight (not the weight's own norm)");
    }

    [Fact, Points(2), Step(6)]
    public void Measure_starts_from_clean_gradients_and_changes_no_parameter()
    {
        using var _ = TorchThreads.Limit(1);
        var (x, y) = Deep.Batch(1);
        var net = Deep.Healthy(1);
        var before = net.parameters().Select(p => p.detach().clone()).ToList();

        var first = GradientFlow.Measure(net, x, y);
        var second = GradientFlow.Measure(net, x, y);

        for (var i = 0; i < first.Gradients.Count; i++)
            second.Gradients[i].Norm.ShouldBe(first.Gradients[i].Norm, 1e-6 * first.Gradients[i].Norm,
                "measured twice, the norms doubled: backward() adds into .grad. Clear the gradients first (model.zero_grad())");
        foreach (var (p, old) in net.parameters().Zip(before))
            p.ShouldEqual(old, "a measurement takes no optimizer step");
    }

    [Fact, Points(2), Step(6)]
    public void A_unit_is_dead_only_when_it_is_zero_for_the_whole_batch()
    {
        using var _ = TorchThreads.Limit(1);
        var (x, y) = Deep.Batch(2);
        var net = Deep.Healthy(2);
        var expected = new List<double>();
        using (torch.no_grad())
        {
            var h = x;
            foreach (var (_, layer) in net.named_children())
            {
                h = ((Module<Tensor, Tensor>)layer).forward(h);
                if (layer is TorchSharp.Modules.ReLU) expected.Add(h.sum([0]).eq(0).to(float64).mean().item<double>());
            }
        }

        var report = GradientFlow.Measure(net, x, y);

        report.DeadShares.Count.ShouldBe(5, "one share for each of the five ReLUs, in order");
        for (var i = 0; i < expected.Count; i++)
            report.DeadShares[i].ShouldBe(expected[i], 1e-9,
                $"ReLU {i}: the share of its units that give 0 for EVERY example of the batch. About half of a ReLU's outputs are 0 " +
                "in a healthy network; a unit is dead only when it never fires, so it never passes a gradient (README step 6)");
    }

    [Fact, Points(1), Step(6)]
    public void A_healthy_network_is_called_healthy()
    {
        using var _ = TorchThreads.Limit(1);
        var (x, y) = Deep.Batch(3);

        var report = GradientFlow.Measure(Deep.Healthy(3), x, y);

        GradientFlow.Diagnose(report).ShouldBe(FlowVerdict.Healthy,
            $"ratios and shares of a healthy network: first/last {report.Gradients[0].Norm / report.Gradients[^1].Norm:G3}, " +
            $"dead shares {string.Join(", ", report.DeadShares.Select(d => d.ToString("F2")))}");
    }

    [Fact, Points(2), Step(6)]
    public void Sigmoids_stacked_six_deep_make_the_gradient_vanish()
    {
        using var _ = TorchThreads.Limit(1);
        var (x, y) = Deep.Batch(4);

        var report = GradientFlow.Measure(Deep.Sigmoids(4), x, y);

        GradientFlow.Diagnose(report).ShouldBe(FlowVerdict.Vanishing,
            $"the first layer's gradient is {report.Gradients[0].Norm / report.Gradients[^1].Norm:G2} times the last one's: each " +
            "sigmoid multiplies the gradient by at most 0.25 on its way back. Vanishing: first / last below vanishRatio (README step 6)");
    }

    [Fact, Points(2), Step(6)]
    public void Weights_three_times_too_large_make_the_gradient_explode()
    {
        using var _ = TorchThreads.Limit(1);
        var (x, y) = Deep.Batch(5);

        var report = GradientFlow.Measure(Deep.TooLarge(5), x, y);

        GradientFlow.Diagnose(report).ShouldBe(FlowVerdict.Exploding,
            $"the largest gradient norm is {report.Gradients.Max(g => g.Norm):G3}, hundreds of times a healthy one, though the ratio " +
            $"first / last is an ordinary {report.Gradients[0].Norm / report.Gradients[^1].Norm:G2}: in a ReLU network weights too " +
            "large in every layer blow up every gradient alike. Exploding: any norm above explodeLimit, whatever the ratio (README step 6)");
    }

    [Fact, Points(2), Step(6)]
    public void A_layer_pushed_below_zero_is_called_dead_not_vanishing()
    {
        using var _ = TorchThreads.Limit(1);
        var (x, y) = Deep.Batch(6);

        var report = GradientFlow.Measure(Deep.PushedNegative(6), x, y);

        report.DeadShares[2].ShouldBeGreaterThan(0.9, "the middle ReLU's units never fire");
        report.Gradients[^1].Norm.ShouldBeGreaterThan(0, "the last layer still gets a gradient: only the layers before the dead one get none");
        GradientFlow.Diagnose(report).ShouldBe(FlowVerdict.DeadUnits,
            "no gradient passes a layer of dead ReLUs, so the layers before it get none: it looks like a vanishing gradient, " +
            "and its cause is the dead units. Check the dead shares before the gradient norms (README step 6)");
    }
}
