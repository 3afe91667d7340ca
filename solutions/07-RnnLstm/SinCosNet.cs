using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Katas.RnnLstm;

/// <summary>RNN(1 -> 32, batch_first) followed by Linear(32 -> 1) at every time step.</summary>
public sealed class SinCosNet : Module<Tensor, Tensor?, (Tensor Output, Tensor Hidden)>
{
    public readonly RNN rnn;
    public readonly Linear output;

    public SinCosNet(int hiddenSize = 32) : base(nameof(SinCosNet))
    {
        rnn = RNN(inputSize: 1, hiddenSize: hiddenSize, batchFirst: true);
        output = Linear(hiddenSize, 1);
        RegisterComponents();
    }

    // Linear acts on the last dimension, so one call maps all [B, T, 32] states at once.
    public override (Tensor Output, Tensor Hidden) forward(Tensor x, Tensor? h)
    {
        var (states, hidden) = rnn.forward(x, h);
        return (output.forward(states), hidden);
    }

    public (Tensor Output, Tensor Hidden) ForwardPerStep(Tensor x, Tensor? h)
    {
        var (states, hidden) = rnn.forward(x, h);
        var outs = new List<Tensor>();
        for (var t = 0; t < states.shape[1]; t++)
            outs.Add(output.forward(states[.., t, ..]));
        return (torch.stack(outs, dim: 1), hidden);
    }
}
