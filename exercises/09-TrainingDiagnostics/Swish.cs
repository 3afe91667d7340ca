using static TorchSharp.torch.autograd;

namespace Katas.TrainingDiagnostics;

/// <summary>
/// Step 3: swish(x) = x * sigmoid(x) as a custom autograd function, with its backward written by
/// hand (PyTorch's torch.autograd.Function). Call it with <c>SwishFunction.apply(x)</c>.
/// </summary>
public sealed class SwishFunction : SingleTensorFunction<SwishFunction>
{
    public override string Name => "Swish";

    /// <summary>vars[0] is x (any shape, dtype and device); returns x * sigmoid(x), keeping for backward what it needs.</summary>
    public override Tensor forward(AutogradContext ctx, params object[] vars)
    {
        // TODO 3a — A custom function computes its forward without autograd watching: whatever the
        //  backward will need, it must keep now.
        throw new NotImplementedException("TODO 3: swish's forward pass (SwishFunction.forward). See README step 3.");
    }

    /// <summary>Given dL/dy (shaped like y), returns [dL/dx].</summary>
    public override List<Tensor> backward(AutogradContext ctx, Tensor grad_output)
    {
        // TODO 3b — The chain rule, by hand: the derivative of swish itself, and what flows in from
        //  the layers above. Your step 2 check is the judge.
        throw new NotImplementedException("TODO 3: swish's backward pass (SwishFunction.backward). See README step 3.");
    }
}
