using TorchSharp.Modules;

namespace Katas.RnnLstm;

/// <summary>What an <c>nn.RNN</c> computes, written out one time step at a time.</summary>
public static class RnnByHand
{
    /// <summary>
    /// Runs a one-layer, one-direction, sequence-first <paramref name="rnn"/> by hand, with its own
    /// parameters. x: float32 [seq, batch, input]; h0: [1, batch, hidden] (the same device as x).
    /// Returns every h_t stacked, [seq, batch, hidden], and the last one as h_n, [1, batch, hidden]:
    /// the values <c>rnn.forward(x, h0)</c> returns. <paramref name="relu"/> says whether the
    /// RNN was built with ReLU instead of tanh; an RNN built without biases has none to add.
    /// </summary>
    public static (Tensor Output, Tensor Hidden) Forward(RNN rnn, Tensor x, Tensor h0, bool relu = false)
    {
        // TODO 2 — The whole memory of an RNN is one small formula applied again and again with the
        //  same weights (README, "The idea"). Writing the loop yourself shows there is nothing else
        //  inside nn.RNN, and which weight multiplies what: the input weights see x_t, the recurrent
        //  ones see the previous state.
        throw new NotImplementedException("TODO 2: the RNN recurrence by hand (RnnByHand.Forward). See README step 2.");
    }
}
