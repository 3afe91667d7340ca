namespace Katas.Layers.Tests;

public class ActivationTests
{
    static Tensor T(params float[] values) => torch.tensor(values);

    [Fact, Points(1), Step(11)]
    public void Relu_is_max_of_x_and_0()
    {
        Activations.Relu(T(-2, 0, 3)).ShouldEqual(T(0, 0, 3), "relu(x) = max(x, 0)");
    }

    [Fact, Points(1), Step(11)]
    public void Elu_is_x_above_0_and_alpha_times_exp_x_minus_1_below()
    {
        var ln2 = (float)Math.Log(2);

        Activations.Elu(T(2, 0, -ln2)).ShouldBeClose(T(2, 0, -0.5f), customMessage: "elu(2) = 2; elu(-ln 2) = e^(-ln 2) - 1 = -0.5");
        Activations.Elu(T(-ln2), alpha: 2).ShouldBeClose(T(-1f), customMessage: "alpha scales the negative side: 2 * (0.5 - 1) = -1");
    }

    [Fact, Points(1), Step(11)]
    public void Sigmoid_is_1_over_1_plus_exp_minus_x()
    {
        Activations.Sigmoid(T(0, (float)Math.Log(3))).ShouldBeClose(T(0.5f, 0.75f), customMessage: "sigmoid(0) = 1/2; sigmoid(ln 3) = 1 / (1 + 1/3) = 3/4");
    }

    [Fact, Points(1), Step(11)]
    public void Tanh_is_e_x_minus_e_minus_x_over_their_sum()
    {
        Activations.Tanh(T(0, (float)Math.Log(2))).ShouldBeClose(T(0, 0.6f), customMessage: "tanh(ln 2) = (2 - 1/2) / (2 + 1/2) = 0.6");
        Activations.Tanh(T(100, -100)).ShouldBeClose(T(1, -1), customMessage: "tanh(±100) = ±1: e^100 overflows float32, so rewrite the formula (README hint)");
    }

    [Fact, Points(2), Step(11)]
    public void Softmax_turns_scores_into_probabilities_along_a_dimension()
    {
        var x = T((float)Math.Log(1), (float)Math.Log(2), (float)Math.Log(5)).reshape(1, 3);

        Activations.Softmax(x, dim: 1).ShouldBeClose(T(1 / 8f, 2 / 8f, 5 / 8f).reshape(1, 3),
            customMessage: "softmax = exp(x) / sum(exp(x)): e^ln1, e^ln2, e^ln5 = 1, 2, 5 out of 8");
        using var scores = torch.randn(6, 4) * 5;
        Activations.Softmax(scores, dim: 1).sum(1).ShouldBeClose(torch.ones(6), customMessage: "every row of probabilities sums to 1");
        Activations.Softmax(scores, dim: 0).sum(dim: 0).ShouldBeClose(torch.ones(4), customMessage: "dim says which way the probabilities sum to 1");
    }

    [Fact, Points(1), Step(11)]
    public void Softmax_survives_large_scores()
    {
        var p = Activations.Softmax(T(1000, 1001).reshape(1, 2), dim: 1);

        p.ShouldBeClose(T(0.268941f, 0.731059f).reshape(1, 2), rtol: 1e-4,
            customMessage: "e^1000 overflows to infinity; subtract each row's maximum first (it cancels in the fraction)");
    }

    [Fact, Points(2), Step(11)]
    public void Every_activation_matches_TorchSharp_on_random_inputs()
    {
        Seeding.Seed(3);
        using var x = torch.randn(5, 7) * 4;

        Activations.Relu(x).ShouldBeClose(nn.functional.relu(x), customMessage: "Relu");
        Activations.Elu(x).ShouldBeClose(nn.functional.elu(x, 1.0), rtol: 1e-5, atol: 1e-6, "Elu");
        Activations.Elu(x, 0.5).ShouldBeClose(nn.functional.elu(x, 0.5), rtol: 1e-5, atol: 1e-6, "Elu with alpha 0.5");
        Activations.Sigmoid(x).ShouldBeClose(torch.sigmoid(x), rtol: 1e-5, atol: 1e-6, "Sigmoid");
        Activations.Tanh(x).ShouldBeClose(torch.tanh(x), rtol: 1e-5, atol: 1e-6, "Tanh");
        Activations.Softmax(x, 1).ShouldBeClose(nn.functional.softmax(x, 1), rtol: 1e-5, atol: 1e-6, "Softmax");
    }
}
