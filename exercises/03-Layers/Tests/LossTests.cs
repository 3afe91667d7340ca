namespace Katas.Layers.Tests;

public class LossTests
{
    static Tensor T(params float[] values) => torch.tensor(values);

    [Fact, Points(2), Step(12)]
    public void Mse_is_the_mean_squared_difference_or_its_sum_or_each_term()
    {
        var input = T(1, 2, 3);
        var target = T(1, 1, 1); // squared differences 0, 1, 4

        Losses.Mse(input, target).ShouldBeClose(T(5f / 3).reshape(), customMessage: "mean: (0 + 1 + 4) / 3 (the default, reduction Mean)");
        Losses.Mse(input, target, nn.Reduction.Sum).ShouldBeClose(T(5f).reshape(), customMessage: "Sum: 0 + 1 + 4");
        Losses.Mse(input, target, nn.Reduction.None).ShouldBeClose(T(0, 1, 4), customMessage: "None: one squared difference per element");
    }

    [Fact, Points(1), Step(12)]
    public void Mse_rejects_a_target_of_another_shape()
    {
        using var input = torch.zeros(4, 1);
        using var target = torch.zeros(4);

        Should.Throw<ArgumentException>(() => Losses.Mse(input, target),
                "input [4, 1] and target [4] would silently broadcast to [4, 4] and compare every input with every target: " +
                "check that the shapes are equal and throw an ArgumentException")
            .Message.ShouldContain("[4, 1]", Case.Insensitive, "show both shapes: [4, 1] against [4] would silently broadcast to [4, 4]");
    }

    [Fact, Points(1), Step(13)]
    public void LogSoftmax_is_the_log_of_softmax_computed_stably()
    {
        var x = T(0, (float)Math.Log(3)).reshape(1, 2);

        Losses.LogSoftmax(x, 1).ShouldBeClose(T((float)Math.Log(0.25), (float)Math.Log(0.75)).reshape(1, 2),
            customMessage: "softmax of (ln 1, ln 3) is (1/4, 3/4): its log is (ln 1/4, ln 3/4)");
        Losses.LogSoftmax(T(1000, 0).reshape(1, 2), 1).ShouldBeClose(T(0, -1000).reshape(1, 2), rtol: 1e-5, atol: 1e-3,
            customMessage: "x - logsumexp(x): log(softmax(x)) would give log(0) = -infinity for the second entry");
    }

    [Fact, Points(2), Step(14)]
    public void NllLoss_picks_minus_the_log_probability_of_each_rows_true_class()
    {
        var logProbabilities = T(-0.5f, -1f, -2f, -0.1f, -3f, -4f).reshape(2, 3);
        var target = torch.tensor(new long[] { 2, 0 });

        Losses.NllLoss(logProbabilities, target, nn.Reduction.None).ShouldBeClose(T(2f, 0.1f), customMessage: "row 0 picks column 2 (-2), row 1 column 0 (-0.1), negated");
        Losses.NllLoss(logProbabilities, target).ShouldBeClose(T(1.05f).reshape(), customMessage: "the mean of 2 and 0.1");
        Losses.NllLoss(logProbabilities, target, nn.Reduction.Sum).ShouldBeClose(T(2.1f).reshape(), customMessage: "the sum of 2 and 0.1");
    }

    [Fact, Points(2), Step(15)]
    public void CrossEntropy_is_the_negative_log_likelihood_of_log_softmax()
    {
        var logits = T(0, (float)Math.Log(3)).reshape(1, 2); // softmax (1/4, 3/4)

        Losses.CrossEntropy(logits, torch.tensor(new long[] { 1 })).ShouldBeClose(T(-(float)Math.Log(0.75)).reshape(),
            customMessage: "class 1 has probability 3/4: the loss is -ln(3/4) = 0.288. CrossEntropy takes raw scores: LogSoftmax them once, with no softmax before");
        Losses.CrossEntropy(logits, torch.tensor(new long[] { 0 })).ShouldBeClose(T((float)Math.Log(4)).reshape(),
            customMessage: "class 0 has probability 1/4: the loss is -ln(1/4) = 1.386. CrossEntropy takes raw scores: LogSoftmax them once, with no softmax before");
    }

    [Fact, Points(2), Step(15)]
    public void Losses_match_TorchSharp_in_every_reduction_mode()
    {
        Seeding.Seed(4);
        using var input = torch.randn(6, 5) * 3;
        using var target = torch.randn(6, 5);
        using var classes = torch.randint(0, 5, [6]);

        foreach (var reduction in new[] { nn.Reduction.Mean, nn.Reduction.Sum, nn.Reduction.None })
        {
            Losses.Mse(input, target, reduction).ShouldBeClose(nn.functional.mse_loss(input, target, reduction), rtol: 1e-5, atol: 1e-6, $"Mse, {reduction}");
            Losses.NllLoss(input.log_softmax(1), classes, reduction).ShouldBeClose(
                nn.functional.nll_loss(input.log_softmax(1), classes, reduction: reduction), rtol: 1e-5, atol: 1e-6, $"NllLoss, {reduction}");
            Losses.CrossEntropy(input, classes, reduction).ShouldBeClose(
                nn.functional.cross_entropy(input, classes, reduction: reduction), rtol: 1e-5, atol: 1e-6, $"CrossEntropy, {reduction}");
        }
        Losses.LogSoftmax(input, 1).ShouldBeClose(nn.functional.log_softmax(input, 1), rtol: 1e-5, atol: 1e-6, "LogSoftmax");
    }

    [Fact, Points(1), Step(14)]
    public void NllLoss_explains_a_target_that_does_not_fit_the_scores()
    {
        using var scores = torch.zeros(3, 4);
        using var target = torch.zeros(2, dtype: int64);

        Should.Throw<ArgumentException>(() => Losses.NllLoss(scores, target),
                "3 rows of scores but 2 targets: check that there is one class index per row of scores (gather would not notice)")
            .Message.ShouldContain("[3, 4]", Case.Insensitive, "show both shapes: one class index per row of scores");
    }
}
