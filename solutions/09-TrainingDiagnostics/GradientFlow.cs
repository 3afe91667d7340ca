using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Katas.TrainingDiagnostics;

/// <summary>The gradient norm of one layer's weight.</summary>
public sealed record LayerGradient(string Name, double Norm);

/// <summary>What <see cref="GradientFlow.Measure"/> saw: gradient norms from input to output, and each ReLU's share of dead units.</summary>
public sealed record FlowReport(IReadOnlyList<LayerGradient> Gradients, IReadOnlyList<double> DeadShares);

/// <summary>What a <see cref="FlowReport"/> says about a network.</summary>
public enum FlowVerdict { Healthy, Vanishing, Exploding, DeadUnits }

/// <summary>Step 6: where the gradient goes, layer by layer.</summary>
public static class GradientFlow
{
    public static FlowReport Measure(Sequential model, Tensor x, Tensor y)
    {
        using var scope = torch.NewDisposeScope();
        model.zero_grad();
        var deadShares = new List<double>();
        var h = x;
        foreach (var (_, layer) in model.named_children())
        {
            h = ((Module<Tensor, Tensor>)layer).forward(h);
            // A unit is dead when it gives 0 for every example of the batch, not merely for some.
            if (layer is ReLU) deadShares.Add(h.detach().gt(0).any(0).logical_not().to(float64).mean().item<double>());
        }
        functional.cross_entropy(h, y).backward();
        var gradients = model.named_parameters()
            .Where(p => p.parameter.dim() >= 2)
            .Select(p => new LayerGradient(p.name, p.parameter.grad!.norm().to(float64).item<double>()))
            .ToList();
        model.zero_grad();
        return new FlowReport(gradients, deadShares);
    }

    public static FlowVerdict Diagnose(FlowReport report, double deadLimit = 0.5, double vanishRatio = 0.01, double explodeLimit = 100)
    {
        // Dead units first: a layer of dead ReLUs passes no gradient back, which looks like vanishing.
        if (report.DeadShares.Any(s => s > deadLimit)) return FlowVerdict.DeadUnits;
        if (report.Gradients.Any(g => !double.IsFinite(g.Norm) || g.Norm > explodeLimit)) return FlowVerdict.Exploding;
        if (report.Gradients[0].Norm < vanishRatio * report.Gradients[^1].Norm) return FlowVerdict.Vanishing;
        return FlowVerdict.Healthy;
    }
}
