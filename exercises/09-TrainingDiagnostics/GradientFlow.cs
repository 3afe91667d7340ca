using TorchSharp.Modules;

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
    /// <summary>
    /// One forward and backward pass of cross-entropy(model(x), y), from cleared gradients, at the
    /// model's current weights and mode; changes no parameter. Gradients: for every parameter with 2
    /// or more dimensions (the layers' weights), in the order of named_parameters(), its name and the
    /// norm of its gradient. DeadShares: for every ReLU child of the model, in order, the share of its
    /// units whose output is 0 for every example of x.
    /// </summary>
    public static FlowReport Measure(Sequential model, Tensor x, Tensor y)
    {
        // TODO 6a — A network can be wired right and still not learn, because the gradient never
        //  reaches its first layers or because its units stopped firing. Both show in numbers you can
        //  read off one backward pass, layer by layer (README step 6).
        throw new NotImplementedException("TODO 6: measure the gradient flow (GradientFlow.Measure). See README step 6.");
    }

    /// <summary>
    /// DeadUnits when a ReLU's dead share is above <paramref name="deadLimit"/>; else Exploding when
    /// a gradient norm is not finite or above <paramref name="explodeLimit"/>; else Vanishing when
    /// the first layer's norm is below <paramref name="vanishRatio"/> times the last layer's; else Healthy.
    /// </summary>
    public static FlowVerdict Diagnose(FlowReport report, double deadLimit = 0.5, double vanishRatio = 0.01, double explodeLimit = 100)
    {
        // TODO 6b — Three illnesses, and they look alike: the order of the questions matters.
        throw new NotImplementedException("TODO 6: read the flow report (GradientFlow.Diagnose). See README step 6.");
    }
}
