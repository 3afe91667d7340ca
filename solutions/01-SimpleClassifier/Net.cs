using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Katas.SimpleClassifier;

/// <summary>Linear -> ReLU -> Linear, returning one raw score (logit) per class.</summary>
public sealed class Net : Module<Tensor, Tensor>
{
    public readonly Linear hidden;
    public readonly Linear output;

    public Net(int nFeature, int nHidden, int nOutput) : base(nameof(Net))
    {
        hidden = Linear(nFeature, nHidden);
        output = Linear(nHidden, nOutput);
        RegisterComponents();
    }

    // No softmax: CrossEntropyLoss = log_softmax + negative log-likelihood, so it wants raw scores.
    public override Tensor forward(Tensor x) => output.forward(functional.relu(hidden.forward(x)));
}
