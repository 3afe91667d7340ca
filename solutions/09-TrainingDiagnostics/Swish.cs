using static TorchSharp.torch.autograd;

namespace Katas.TrainingDiagnostics;

/// <summary>Step 3: swish(x) = x * sigmoid(x), with a backward written by hand.</summary>
public sealed class SwishFunction : SingleTensorFunction<SwishFunction>
{
    public override string Name => "Swish";

    public override Tensor forward(AutogradContext ctx, params object[] vars)
    {
        var x = (Tensor)vars[0];
        ctx.save_for_backward([x]);
        return x * x.sigmoid();
    }

    public override List<Tensor> backward(AutogradContext ctx, Tensor grad_output)
    {
        var x = ctx.get_saved_variables()[0];
        var s = x.sigmoid();
        // d/dx (x s) = s + x s (1 - s), times the gradient that flows in from above.
        return [grad_output * (s + x * s * (1 - s))];
    }
}
