using static TorchSharp.torch.nn;

namespace Katas.RnnLstm.Tests;

public class RnnByHandTests
{
    [Fact, Points(3), Step(2)]
    public void By_hand_equals_nn_RNN_step_for_step()
    {
        Seeding.Seed(3);
        var rnn = RNN(4, 6);
        var x = torch.randn(5, 2, 4);  // [seq, batch, input]
        var h0 = torch.randn(1, 2, 6); // [layers, batch, hidden]

        var (output, hidden) = RnnByHand.Forward(rnn, x, h0);

        var (expectedOutput, expectedHidden) = rnn.forward(x, h0);
        output.ShouldBeClose(expectedOutput, rtol: 1e-4, atol: 1e-5,
            "h_t = tanh(x_t W_ih^T + b_ih + h_(t-1) W_hh^T + b_hh), stacked over t, is what nn.RNN outputs");
        hidden.ShouldBeClose(expectedHidden, rtol: 1e-4, atol: 1e-5, "h_n is the last h_t, shaped [1, batch, hidden]");
    }

    [Fact, Points(2), Step(2)]
    public void By_hand_follows_relu_and_missing_biases_too()
    {
        Seeding.Seed(4);
        var rnn = RNN(4, 6, nonLinearity: NonLinearities.ReLU, bias: false);
        var x = torch.randn(5, 2, 4);
        var h0 = torch.zeros(1, 2, 6);

        var (output, _) = RnnByHand.Forward(rnn, x, h0, relu: true);

        var (expected, _) = rnn.forward(x, h0);
        output.ShouldBeClose(expected, rtol: 1e-4, atol: 1e-5,
            "with relu: true use relu instead of tanh; without bias parameters leave the biases out");
    }
}
