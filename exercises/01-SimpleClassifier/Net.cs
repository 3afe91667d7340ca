using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Katas.SimpleClassifier;

/// <summary>
/// The network of chapter 1: Linear -> ReLU -> Linear. Its forward returns one raw score (a
/// "logit") per class.
/// </summary>
public sealed class Net : Module<Tensor, Tensor>
{
    // TorchSharp names parameters after these fields ("hidden.weight", ...), as PyTorch does.
    public readonly Linear hidden;
    public readonly Linear output;

    public Net(int nFeature, int nHidden, int nOutput) : base(nameof(Net))
    {
        // TODO 2 (README step 2) — build the two layers: nFeature -> nHidden, nHidden -> nOutput.
        //  Then register them, so that parameters() finds them (PyTorch does this by magic in
        //  __setattr__; TorchSharp asks you to say it).
        throw new NotImplementedException("TODO 2: create the hidden and output layers (Net constructor). See README step 2.");
    }

    public override Tensor forward(Tensor x)
    {
        // TODO 3 (README step 3) — hidden, then ReLU, then output. Return the raw scores [N, nOutput].
        //  Do NOT apply softmax here: CrossEntropyLoss applies log-softmax itself (README step 3).
        throw new NotImplementedException("TODO 3: write Net.forward (hidden -> relu -> output). See README step 3.");
    }
}
