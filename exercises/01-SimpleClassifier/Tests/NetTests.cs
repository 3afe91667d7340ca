namespace Katas.SimpleClassifier.Tests;

public class NetTests
{
    [Fact, Points(1), Step(2)]
    public void Net_has_a_hidden_and_an_output_layer_of_the_requested_sizes()
    {
        var net = new Net(nFeature: 2, nHidden: 10, nOutput: 2);

        net.hidden.weight!.shape.ShouldBe([10L, 2L], "hidden = Linear(nFeature, nHidden): weight is [out, in]");
        net.output.weight!.shape.ShouldBe([2L, 10L], "output = Linear(nHidden, nOutput)");
        net.named_parameters().Select(p => p.name).ShouldBe(
            ["hidden.weight", "hidden.bias", "output.weight", "output.bias"],
            ignoreOrder: true,
            customMessage: "parameters() must find both layers: call RegisterComponents() in the constructor");
        net.parameters().Sum(p => p.numel()).ShouldBe(2 * 10 + 10 + 10 * 2 + 2);
    }

    [Fact, Points(1), Step(3)]
    public void Forward_returns_one_score_per_class_for_every_point()
    {
        var net = new Net(2, 10, 3);

        using var scores = net.forward(torch.randn(7, 2));

        scores.shape.ShouldBe([7L, 3L]);
    }

    [Fact, Points(2), Step(3)]
    public void Forward_computes_output_of_relu_of_hidden()
    {
        Seeding.Seed(1);
        var net = new Net(2, 10, 2);
        var x = torch.randn(32, 2) * 3;

        using var actual = net.forward(x);

        var expected = Reference.Logits(net, x);
        actual.ShouldBeClose(expected, rtol: 1e-4, atol: 1e-5,
            "forward(x) must be output(relu(hidden(x))), nothing more. " + Reference.SoftmaxHint(actual, expected) + Reference.NoReluHint(net, x, actual));
    }

    [Fact, Points(2), Step(3)]
    public void Forward_returns_raw_scores_not_softmax_probabilities()
    {
        Seeding.Seed(2);
        var net = new Net(2, 10, 2);
        var x = torch.randn(64, 2) * 3;

        using var scores = net.forward(x);

        // Probabilities would be in [0, 1] with rows summing to 1. Raw scores of an untrained
        // network on spread-out inputs are not.
        var rowsSumToOne = scores.sum(1).sub(1).abs().max().item<float>() < 1e-4f;
        rowsSumToOne.ShouldBeFalse(
            "forward returned probabilities (rows sum to 1): remove the softmax. CrossEntropyLoss applies " +
            "log_softmax itself; a softmax before it squashes the scores twice, and the gradients shrink (README step 3).");
    }
}
