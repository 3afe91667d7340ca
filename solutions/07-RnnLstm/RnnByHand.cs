using TorchSharp.Modules;

namespace Katas.RnnLstm;

/// <summary>What an <c>nn.RNN</c> computes, written out one time step at a time.</summary>
public static class RnnByHand
{
    public static (Tensor Output, Tensor Hidden) Forward(RNN rnn, Tensor x, Tensor h0, bool relu = false)
    {
        var p = rnn.named_parameters().ToDictionary(n => n.name, n => n.parameter);
        var h = h0[0];
        var outputs = new List<Tensor>();
        for (var t = 0; t < x.shape[0]; t++)
        {
            // h_t = act(x_t W_ih^T + b_ih + h_(t-1) W_hh^T + b_hh)
            var z = x[t].matmul(p["weight_ih_l0"].t()) + h.matmul(p["weight_hh_l0"].t());
            if (p.TryGetValue("bias_ih_l0", out var bih)) z = z + bih + p["bias_hh_l0"];
            h = relu ? z.relu() : z.tanh();
            outputs.Add(h);
        }
        return (torch.stack(outputs), h.unsqueeze(0));
    }
}
