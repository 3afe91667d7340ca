using TorchSharp.Modules;
using static TorchSharp.torch.autograd;

namespace Katas.TrainingDiagnostics.Tests;

/// <summary>
/// A linear layer y = x W^T + b written out by hand, with its backward written by hand too: the
/// kind of code a gradient check is for. Each subclass plants one bug in the backward.
/// </summary>
internal abstract class HandLinearFunction<T> : SingleTensorFunction<T> where T : HandLinearFunction<T>, new()
{
    public override Tensor forward(AutogradContext ctx, params object[] vars)
    {
        var (x, w, b) = ((Tensor)vars[0], (Tensor)vars[1], (Tensor)vars[2]);
        ctx.save_for_backward([x, w]);
        return x.matmul(w.t()) + b;
    }

    public override List<Tensor> backward(AutogradContext ctx, Tensor grad_output)
    {
        var saved = ctx.get_saved_variables();
        var (x, w) = (saved[0], saved[1]);
        return [InputGradient(grad_output, w), WeightGradient(grad_output, x), BiasGradient(grad_output)];
    }

    protected virtual Tensor InputGradient(Tensor g, Tensor w) => g.matmul(w);
    protected virtual Tensor WeightGradient(Tensor g, Tensor x) => g.t().matmul(x);
    protected virtual Tensor BiasGradient(Tensor g) => g.sum([0]);
}

internal sealed class RightBackward : HandLinearFunction<RightBackward> { public override string Name => "RightBackward"; }

/// <summary>dL/dx = g W^T instead of g W: the same shape for a square W, the wrong numbers.</summary>
internal sealed class TransposedInputGradient : HandLinearFunction<TransposedInputGradient>
{
    public override string Name => "TransposedInputGradient";
    protected override Tensor InputGradient(Tensor g, Tensor w) => g.matmul(w.t());
}

/// <summary>dL/dW computed as if the gradient from above were all ones: right only when the loss is a plain sum.</summary>
internal sealed class UpstreamIgnored : HandLinearFunction<UpstreamIgnored>
{
    public override string Name => "UpstreamIgnored";
    protected override Tensor WeightGradient(Tensor g, Tensor x) => torch.ones_like(g).t().matmul(x);
}

/// <summary>dL/db averaged over the batch instead of summed.</summary>
internal sealed class BiasAveraged : HandLinearFunction<BiasAveraged>
{
    public override string Name => "BiasAveraged";
    protected override Tensor BiasGradient(Tensor g) => g.mean([0]);
}

/// <summary>A layer that runs one of the hand-written functions above on its own weight and bias.</summary>
internal sealed class HandLinear : torch.nn.Module<Tensor, Tensor>
{
    public readonly Parameter weight;
    public readonly Parameter bias;
    readonly Func<Tensor, Tensor, Tensor, Tensor> _apply;

    HandLinear(int features, Func<Tensor, Tensor, Tensor, Tensor> apply, int seed) : base(nameof(HandLinear))
    {
        var generator = new torch.Generator((ulong)seed);
        weight = new Parameter(torch.randn(features, features, dtype: float64, generator: generator) / Math.Sqrt(features));
        bias = new Parameter(torch.randn(features, dtype: float64, generator: generator) * 0.1);
        _apply = apply;
        RegisterComponents();
    }

    public static HandLinear Right(int seed = 0) => new(4, (x, w, b) => RightBackward.apply(x, w, b), seed);
    public static HandLinear WithTransposedInputGradient(int seed = 0) => new(4, (x, w, b) => TransposedInputGradient.apply(x, w, b), seed);
    public static HandLinear WithUpstreamIgnored(int seed = 0) => new(4, (x, w, b) => UpstreamIgnored.apply(x, w, b), seed);
    public static HandLinear WithBiasAveraged(int seed = 0) => new(4, (x, w, b) => BiasAveraged.apply(x, w, b), seed);

    public override Tensor forward(Tensor x) => _apply(x, weight, bias);
}

/// <summary>softplus(x) = ln(1 + e^x) with a backward that forgets the chain rule's inner factor.</summary>
internal sealed class SoftplusForgetsSigmoid : SingleTensorFunction<SoftplusForgetsSigmoid>
{
    public override string Name => "SoftplusForgetsSigmoid";

    public override Tensor forward(AutogradContext ctx, params object[] vars)
    {
        var x = (Tensor)vars[0];
        ctx.save_for_backward([x]);
        return x.exp().log1p();
    }

    // Right: grad * sigmoid(x). Planted: grad / (1 + e^x), the outer derivative alone.
    public override List<Tensor> backward(AutogradContext ctx, Tensor grad_output) =>
        [grad_output / (1 + ctx.get_saved_variables()[0].exp())];
}
