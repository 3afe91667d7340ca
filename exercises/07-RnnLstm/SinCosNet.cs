using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Katas.RnnLstm;

/// <summary>
/// The seed's regressor: RNN(1 -> 32, batch_first) followed by Linear(32 -> 1) at every time step.
/// forward(x, h) returns the prediction at every step and the hidden state to carry on with.
/// </summary>
public sealed class SinCosNet : Module<Tensor, Tensor?, (Tensor Output, Tensor Hidden)>
{
    public readonly RNN rnn;
    public readonly Linear output;

    public SinCosNet(int hiddenSize = 32) : base(nameof(SinCosNet))
    {
        // TODO 4a — Two layers with PyTorch's names (the tests look for rnn.* and output.*): a recurrent
        //  one that reads one number per time step into a memory of hiddenSize, and a linear read-out of
        //  that memory. The windows arrive batch first, unlike PyTorch's default for RNNs.
        throw new NotImplementedException("TODO 4: create the RNN and the Linear layer (SinCosNet constructor). See README step 4.");
    }

    /// <summary>
    /// The seed's forward, literally. x: float32 [B, T, 1]; h: [1, B, hidden], or null for an empty
    /// state. Returns the prediction at every time step, [B, T, 1], and the RNN's last hidden
    /// state h_n, [1, B, hidden] (never batch first), to continue from.
    /// </summary>
    public (Tensor Output, Tensor Hidden) ForwardPerStep(Tensor x, Tensor? h)
    {
        // TODO 4b — The seed reads the RNN's states out one time step at a time, in a Python loop.
        //  Write it that way first: step 5 then shows that the loop was never needed, and you will
        //  have the loop's answer to compare with.
        throw new NotImplementedException("TODO 4: the seed's loop over time steps (SinCosNet.ForwardPerStep). See README step 4.");
    }

    /// <summary>
    /// The same as <see cref="ForwardPerStep"/> (same shapes, same values), without the loop over
    /// time steps. Passing the h_n of one window as h of the next continues the sequence.
    /// </summary>
    public override (Tensor Output, Tensor Hidden) forward(Tensor x, Tensor? h)
    {
        // TODO 5 — Layers in TorchSharp act on the last dimension and treat every dimension in front
        //  of it as "more of the same". Trusting that, instead of looping in C#, is what keeps models
        //  fast: one call does the work of T calls.
        throw new NotImplementedException("TODO 5: forward without the loop (SinCosNet.forward). See README step 5.");
    }
}
