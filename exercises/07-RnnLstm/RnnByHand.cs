using TorchSharp.Modules;

namespace Katas.RnnLstm;

/// <summary>What an <c>nn.RNN</c> computes, written out one time step at a time.</summary>
public static class RnnByHand
{
    /// <summary>
    /// Runs a one-layer, one-direction <paramref name="rnn"/> (sequence first) by hand.
    /// x: [seq, batch, input]; h0: [1, batch, hidden]. Returns every h_t stacked, [seq, batch,
    /// hidden], and the last one as h_n, [1, batch, hidden]: what <c>rnn.forward(x, h0)</c> returns.
    /// </summary>
    public static (Tensor Output, Tensor Hidden) Forward(RNN rnn, Tensor x, Tensor h0, bool relu = false)
    {
        // TODO 2 — the recurrence, one time step after another:
        //      h_t = tanh(x_t W_ih^T + b_ih + h_(t-1) W_hh^T + b_hh)        (relu instead of tanh if relu)
        //  - The weights are the RNN's parameters, by name:
        //  (the code itself: hint level 3)
        //        p["weight_ih_l0"], p["weight_hh_l0"], and, unless bias was false, p["bias_ih_l0"], p["bias_hh_l0"]
        //  - Start from h = h0[0] ([batch, hidden]); x[t] is time step t ([batch, input]); .matmul, .t().
        //  - Collect every h_t; torch.stack(list) makes [seq, batch, hidden]; h_n is the last, unsqueeze(0).
        throw new NotImplementedException("TODO 2: the RNN recurrence by hand (RnnByHand.Forward). See README step 2.");
    }
}
