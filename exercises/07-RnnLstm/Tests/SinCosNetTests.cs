namespace Katas.RnnLstm.Tests;

public class SinCosNetTests
{
    [Fact, Points(1), Step(4)]
    public void SinCosNet_is_an_RNN_1_to_32_and_a_Linear_32_to_1()
    {
        var net = new SinCosNet();

        net.named_parameters().Select(p => (p.name, string.Join("x", p.parameter.shape))).ShouldBe(
            [("rnn.weight_ih_l0", "32x1"), ("rnn.weight_hh_l0", "32x32"), ("rnn.bias_ih_l0", "32"), ("rnn.bias_hh_l0", "32"),
             ("output.weight", "1x32"), ("output.bias", "1")],
            ignoreOrder: true,
            customMessage: "rnn = nn.RNN(1, 32, batch_first), output = nn.Linear(32, 1), then RegisterComponents()");
    }

    [Fact, Points(1), Step(4)]
    public void ForwardPerStep_gives_one_prediction_per_time_step_and_the_next_hidden_state()
    {
        var net = new SinCosNet();

        var (prediction, hidden) = net.ForwardPerStep(torch.randn(4, 10, 1), null);

        prediction.shape.ShouldBe([4L, 10, 1], "one value per stream and time step, batch first like the input");
        hidden.shape.ShouldBe([1L, 4, 32],
            "h_n is [layers, batch = 4, hidden]; [1, 10, 32] means the RNN read the 10 steps as the batch: build it with batchFirst: true");
    }

    [Fact, Points(2), Step(5)]
    public void The_vectorised_forward_agrees_with_the_seeds_per_step_loop()
    {
        Seeding.Seed(5);
        var net = new SinCosNet();
        var x = torch.randn(4, 10, 1);
        var h = torch.randn(1, 4, 32) * 0.5;

        var (loop, loopHidden) = net.ForwardPerStep(x, h);
        var (vectorised, hidden) = net.forward(x, h);

        vectorised.ShouldBeClose(loop, rtol: 1e-5, atol: 1e-6,
            "Linear maps the last dimension, so one call on [batch, steps, 32] equals the seed's loop over the steps");
        hidden.ShouldEqual(loopHidden, "both run the same RNN");
    }

    [Fact, Points(2), Step(5)]
    public void Carrying_the_hidden_state_makes_two_windows_one_long_sequence()
    {
        Seeding.Seed(6);
        var net = new SinCosNet();
        var x = torch.randn(2, 20, 1);

        var (whole, _) = net.forward(x, null);
        var (_, afterFirst) = net.forward(x[.., ..10], null);
        var (second, _) = net.forward(x[.., 10..], afterFirst);

        second.ShouldBeClose(whole[.., 10..], rtol: 1e-4, atol: 1e-5,
            "give the RNN the hidden state h: then window 2 continues exactly where window 1 stopped");
    }
}
