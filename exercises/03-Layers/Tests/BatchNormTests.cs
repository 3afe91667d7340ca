namespace Katas.Layers.Tests;

public class BatchNormTests
{
    [Fact, Points(1), Step(9)]
    public void BatchNorm_starts_with_weight_1_bias_0_and_running_statistics_0_and_1()
    {
        var bn = new BatchNorm(3);

        bn.named_parameters().Select(p => p.name).ShouldBe(["weight", "bias"], ignoreOrder: true,
            "only weight (gamma) and bias (beta) are learned Parameters; the running statistics are buffers, which the optimizer never sees");
        bn.named_buffers().Select(b => b.name).ShouldBe(["running_mean", "running_var"], ignoreOrder: true,
            "the running statistics are buffers: saved with the model but not trained. Tensor fields + RegisterComponents() make them so.");
        bn.weight.ShouldEqual(torch.ones(3));
        bn.bias.ShouldEqual(torch.zeros(3));
        bn.running_mean.ShouldEqual(torch.zeros(3));
        bn.running_var.ShouldEqual(torch.ones(3));
    }

    [Fact, Points(2), Step(10)]
    public void In_training_each_channel_is_normalised_with_the_batchs_own_statistics()
    {
        var bn = new BatchNorm(2);
        bn.train();
        // Channel 0 holds 1 and 3 (mean 2, biased variance 1); channel 1 holds 10 and 10 (variance 0).
        using var x = torch.tensor(new float[] { 1, 10, 3, 10 }).reshape(2, 2);

        using var y = bn.forward(x);

        var s = (float)Math.Sqrt(1 + 1e-5);
        y.ShouldBeClose(torch.tensor(new float[] { -1 / s, 0, 1 / s, 0 }).reshape(2, 2), rtol: 1e-5, atol: 1e-6,
            "(x - mean) / sqrt(var + eps) per channel, with the biased variance (divide by n, not n - 1)");
    }

    [Fact, Points(2), Step(10)]
    public void In_training_the_running_statistics_move_10_percent_towards_the_batch()
    {
        var bn = new BatchNorm(1);
        bn.train();
        using var x = torch.tensor(new float[] { 1, 3 }).reshape(2, 1); // mean 2, unbiased variance 2

        bn.forward(x);

        bn.running_mean.ShouldBeClose(torch.tensor(new float[] { 0.2f }), customMessage: "0.9 * 0 + 0.1 * 2 (momentum 0.1)");
        bn.running_var.ShouldBeClose(torch.tensor(new float[] { 1.1f }),
            customMessage: "0.9 * 1 + 0.1 * 2: the running variance uses the unbiased variance, n / (n - 1) times the biased one");
    }

    [Fact, Points(1), Step(10)]
    public void In_training_the_running_statistics_are_updated_outside_the_autograd_graph()
    {
        var bn = new BatchNorm(2);
        bn.train();
        // In a network, BatchNorm's input comes from a layer being trained: it requires gradients.
        using var weight = torch.tensor(2f, requires_grad: true);
        using var x = torch.randn(4, 2) * weight;

        using var y = bn.forward(x);

        bn.running_mean.requires_grad.ShouldBeFalse(
            "update the running statistics inside torch.no_grad(): they follow the batches but are not trained, and an update " +
            "that autograd records ties every step's graph to the buffers");
        bn.running_var.requires_grad.ShouldBeFalse("the running variance too is updated inside torch.no_grad()");
        y.requires_grad.ShouldBeTrue("the output itself stays differentiable: only the running statistics' update is left out of the graph");
    }

    [Fact, Points(2), Step(10)]
    public void In_eval_the_running_statistics_are_used_instead_of_the_batchs()
    {
        var bn = new BatchNorm(1);
        bn.running_mean.fill_(2);
        bn.running_var.fill_(4);
        bn.eval();
        using var x = torch.tensor(new float[] { 2, 6 }).reshape(2, 1);

        using var y = bn.forward(x);

        var s = (float)Math.Sqrt(4 + 1e-5);
        y.ShouldBeClose(torch.tensor(new float[] { 0, 4 / s }).reshape(2, 1), rtol: 1e-5, atol: 1e-6,
            "in eval: (x - running_mean) / sqrt(running_var + eps), whatever the batch holds");
        bn.running_mean.ShouldEqual(torch.tensor(new float[] { 2 }), "eval never changes the running statistics");
    }

    [Fact, Points(3), Step(10)]
    public void BatchNorm_behaves_like_TorchSharps_BatchNorm1d_and_BatchNorm2d_over_several_steps()
    {
        foreach (var shape in new long[][] { [8, 3], [8, 3, 5], [4, 3, 6, 6] })
        {
            Seeding.Seed(2);
            var mine = new BatchNorm(3);
            var theirs = shape.Length == 4 ? (nn.Module<Tensor, Tensor>)nn.BatchNorm2d(3) : nn.BatchNorm1d(3);
            var what = $"input [{string.Join(", ", shape)}]";
            for (var step = 0; step < 3; step++)
            {
                using var x = torch.randn(shape) * 3 + 1;
                mine.train();
                theirs.train();
                mine.forward(x).ShouldBeClose(theirs.forward(x), rtol: 1e-4, atol: 1e-5, $"{what}, training step {step}");
            }
            var buffers = theirs.named_buffers().ToDictionary(b => b.name, b => b.buffer);
            mine.running_mean.ShouldBeClose(buffers["running_mean"], rtol: 1e-5, atol: 1e-6, $"{what}: running_mean after 3 steps");
            mine.running_var.ShouldBeClose(buffers["running_var"], rtol: 1e-5, atol: 1e-6, $"{what}: running_var after 3 steps");
            using var test = torch.randn(shape);
            mine.eval();
            theirs.eval();
            mine.forward(test).ShouldBeClose(theirs.forward(test), rtol: 1e-4, atol: 1e-5, $"{what} in eval");
        }
    }

    [Fact, Points(1), Step(10)]
    public void BatchNorm_in_training_explains_that_one_value_per_channel_has_no_variance()
    {
        var bn = new BatchNorm(3);
        bn.train();
        using var x = torch.randn(1, 3);

        Should.Throw<ArgumentException>(() => bn.forward(x))
            .Message.ShouldContain("more than one value", Case.Insensitive, "a batch of 1 has no variance: say so, and what to do");
    }
}
