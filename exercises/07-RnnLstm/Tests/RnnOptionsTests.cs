using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Katas.RnnLstm.Tests;

public class RnnOptionsTests
{
    const int Input = 5, Hidden = 16, Steps = 7, BatchSize = 3;

    static Tensor Sequence(bool batchFirst) => batchFirst ? torch.randn(BatchSize, Steps, Input) : torch.randn(Steps, BatchSize, Input);

    [Fact, Points(1), Step(1)]
    public void The_defaults_are_PyTorchs_one_layer_tanh_with_bias_sequence_first()
    {
        var rnn = new RnnOptions(Input, Hidden).Build();

        rnn.named_parameters().Select(p => (p.name, string.Join("x", p.parameter.shape))).ShouldBe(
            [("weight_ih_l0", "16x5"), ("weight_hh_l0", "16x16"), ("bias_ih_l0", "16"), ("bias_hh_l0", "16")],
            ignoreOrder: true,
            customMessage: "nn.RNN(input_size, hidden_size): one layer, W_ih [hidden, input], W_hh [hidden, hidden] and two biases");
        var (output, hidden) = rnn.forward(Sequence(batchFirst: false), null);
        output.shape.ShouldBe([Steps, BatchSize, Hidden], "by default the sequence comes first: [seq, batch, feature]");
        hidden.shape.ShouldBe([1L, BatchSize, Hidden]);
    }

    // input [seq, batch, 5] (or [batch, seq, 5] with batch_first); hidden 16.
    [Theory, Points(3), Step(1)]
    [InlineData(1, false, false, new long[] { 7, 3, 16 }, new long[] { 1, 3, 16 })]
    [InlineData(1, false, true, new long[] { 3, 7, 16 }, new long[] { 1, 3, 16 })]
    [InlineData(2, false, false, new long[] { 7, 3, 16 }, new long[] { 2, 3, 16 })]
    [InlineData(1, true, false, new long[] { 7, 3, 32 }, new long[] { 2, 3, 16 })]
    [InlineData(3, true, true, new long[] { 3, 7, 32 }, new long[] { 6, 3, 16 })]
    public void Output_and_h_n_have_the_shapes_the_options_imply(int numLayers, bool bidirectional, bool batchFirst, long[] outputShape, long[] hiddenShape)
    {
        var rnn = new RnnOptions(Input, Hidden, NumLayers: numLayers, Bidirectional: bidirectional, BatchFirst: batchFirst).Build();

        var (output, hidden) = rnn.forward(Sequence(batchFirst), null);

        output.shape.ShouldBe(outputShape,
            "output is every time step of the LAST layer: [seq, batch, directions * hidden] (batch first with batch_first); " +
            "bidirectional puts the backward direction's features beside the forward ones");
        hidden.shape.ShouldBe(hiddenShape,
            "h_n is the last state of EVERY layer and direction: [num_layers * directions, batch, hidden], batch_first or not");
    }

    [Fact, Points(1), Step(1)]
    public void Bias_false_leaves_out_every_bias()
    {
        var rnn = new RnnOptions(Input, Hidden, NumLayers: 2, Bias: false).Build();

        rnn.named_parameters().Select(p => p.name).ShouldBe(["weight_ih_l0", "weight_hh_l0", "weight_ih_l1", "weight_hh_l1"],
            ignoreOrder: true, customMessage: "bias: false means no bias_ih / bias_hh in any layer");
    }

    [Fact, Points(2), Step(1)]
    public void Nonlinearity_picks_tanh_or_relu()
    {
        Seeding.Seed(1);
        var x = Sequence(batchFirst: false) * 3;
        var tanh = new RnnOptions(Input, Hidden).Build();
        var relu = new RnnOptions(Input, Hidden, Nonlinearity: NonLinearities.ReLU).Build();

        var (tanhOut, _) = tanh.forward(x, null);
        var (reluOut, _) = relu.forward(x, null);

        tanhOut.abs().max().item<float>().ShouldBeLessThan(1f, "tanh squashes every state into (-1, 1)");
        reluOut.min().item<float>().ShouldBe(0f, "relu states are never negative, and some are exactly 0");
        reluOut.max().item<float>().ShouldBeGreaterThan(1f, "relu does not squash: with inputs * 3 some states exceed 1");
    }

    [Fact, Points(3), Step(1)]
    public void Dropout_acts_between_stacked_layers_never_on_the_last_layers_output()
    {
        Seeding.Seed(2);
        var x = Sequence(batchFirst: false);
        var rnn = new RnnOptions(Input, Hidden, NumLayers: 2, Dropout: 0.5).Build();
        rnn.train();

        var (first, firstHidden) = rnn.forward(x, null);
        var (second, secondHidden) = rnn.forward(x, null);

        second.allclose(first).ShouldBeFalse(
            "in training mode dropout between layer 1 and layer 2 is random, so two runs differ: pass dropout to nn.RNN");
        secondHidden[0].ShouldBeClose(firstHidden[0], customMessage:
            "layer 1 comes before any dropout: its final state (h_n[0]) is the same in both runs");
        first.eq(0).sum().item<long>().ShouldBe(0,
            "the last layer's output is not dropped (dropout would zero about half of it): dropout is only between layers");
        rnn.eval();
        var (evalA, _) = rnn.forward(x, null);
        var (evalB, _) = rnn.forward(x, null);
        evalB.ShouldEqual(evalA, "in eval mode dropout is off: the same input gives the same output");
    }
}
