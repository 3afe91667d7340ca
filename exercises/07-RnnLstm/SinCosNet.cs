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
        // TODO 4a — an RNN from 1 input to hiddenSize, batch first (its input is [B, T, 1]);
        //  (the code itself: hint level 3)
        throw new NotImplementedException("TODO 4: create the RNN and the Linear layer (SinCosNet constructor). See README step 4.");
    }

    /// <summary>
    /// The seed's forward, literally: run the RNN (h may be null: an empty state), then apply
    /// <see cref="output"/> to each time step in a loop and stack the results along dim 1.
    /// </summary>
    public (Tensor Output, Tensor Hidden) ForwardPerStep(Tensor x, Tensor? h)
    {
        // TODO 4b — run the RNN over x from state h: it returns every step's state [B, T, 32] and the last one
        //  for each t: output.forward(states[.., t, ..]) -> [B, 1]; torch.stack(list, dim: 1) -> [B, T, 1].
        throw new NotImplementedException("TODO 4: the seed's loop over time steps (SinCosNet.ForwardPerStep). See README step 4.");
    }

    /// <summary>The same as <see cref="ForwardPerStep"/>, without the loop.</summary>
    public override (Tensor Output, Tensor Hidden) forward(Tensor x, Tensor? h)
    {
        // TODO 5 — Linear works on the LAST dimension of any tensor: one output.forward(states)
        //  maps all [B, T, 32] states to [B, T, 1] at once. Return it with the RNN's hidden state.
        throw new NotImplementedException("TODO 5: forward without the loop (SinCosNet.forward). See README step 5.");
    }
}
