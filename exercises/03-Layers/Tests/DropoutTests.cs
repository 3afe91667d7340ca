namespace Katas.Layers.Tests;

public class DropoutTests
{
    [Fact, Points(1), Step(7)]
    public void Dropout_in_eval_mode_returns_the_input_unchanged()
    {
        using var x = torch.randn(100);

        using var y = Dropouts.Dropout(x, p: 0.5, training: false);

        y.ShouldEqual(x, "at test time dropout does nothing: every unit is kept and nothing is scaled");
    }

    [Fact, Points(2), Step(7)]
    public void Dropout_in_training_zeroes_elements_and_scales_the_rest_by_1_over_1_minus_p()
    {
        Seeding.Seed(0);
        using var x = torch.ones(100_000);

        using var y = Dropouts.Dropout(x, p: 0.2, training: true);

        var values = y.unique().Item1.data<float>().ToArray();
        values.ShouldBe([0f, 1.25f], "every element is either zeroed or kept and scaled by 1 / (1 - 0.2) = 1.25");
        // With 100 000 coins the share of zeros is within 0.005 of p with overwhelming probability.
        var zeroed = y.eq(0).to(float64).mean().item<double>();
        zeroed.ShouldBe(0.2, 0.005, "each element is zeroed with probability p = 0.2");
        y.mean().item<float>().ShouldBe(1f, 0.01f, "scaling by 1 / (1 - p) keeps the expected value: the next layer sees the same average in training and in eval");
    }

    [Fact, Points(1), Step(7)]
    public void Dropout_with_p_0_keeps_everything_and_with_p_1_zeroes_everything()
    {
        using var x = torch.randn(1000);

        using var none = Dropouts.Dropout(x, p: 0, training: true);
        using var all = Dropouts.Dropout(x, p: 1, training: true);

        none.ShouldEqual(x, "p = 0: nothing is dropped and 1 / (1 - 0) = 1");
        all.ShouldEqual(torch.zeros(1000), "p = 1: everything is dropped (and there is no 1 / 0 to compute)");
    }

    [Fact, Points(1), Step(7)]
    public void Dropout_rejects_a_probability_outside_0_to_1()
    {
        using var x = torch.ones(3);

        Should.Throw<ArgumentOutOfRangeException>(() => Dropouts.Dropout(x, p: 1.5, training: true),
                "p = 1.5 is a probability outside [0, 1]: check p before making a mask, and throw ArgumentOutOfRangeException")
            .ParamName.ShouldBe("p", "say which argument is wrong and what it may be");
    }

    [Fact, Points(2), Step(8)]
    public void Dropout2d_zeroes_whole_channels()
    {
        Seeding.Seed(1);
        using var x = torch.ones(16, 8, 5, 5);

        using var y = Dropouts.Dropout2d(x, p: 0.5, training: true);

        // Every 5x5 channel map is all zeros or all 2s: one decision per (image, channel).
        using var perChannelMin = y.amin([2, 3]);
        using var perChannelMax = y.amax([2, 3]);
        perChannelMin.ShouldEqual(perChannelMax, "Dropout2d drops whole channels: a map is either all kept or all zero");
        perChannelMax.unique().Item1.data<float>().ToArray().ShouldBe([0f, 2f], "kept channels are scaled by 1 / (1 - 0.5) = 2");
        // 128 channels, each dropped with probability 0.5: 64 expected, 6 standard deviations is about 34.
        var dropped = perChannelMax.eq(0).sum().item<long>();
        dropped.ShouldBeInRange(30L, 98L, "about half of the 128 channels should be dropped");
    }

    [Fact, Points(1), Step(8)]
    public void Dropout2d_in_eval_mode_returns_the_input_unchanged()
    {
        using var x = torch.randn(2, 3, 4, 4);

        using var y = Dropouts.Dropout2d(x, p: 0.5, training: false);

        y.ShouldEqual(x);
    }

    [Fact, Points(1), Step(8)]
    public void Dropout2d_explains_that_it_wants_images()
    {
        using var x = torch.ones(4, 10);

        Should.Throw<ArgumentException>(() => Dropouts.Dropout2d(x, p: 0.5, training: true))
            .Message.ShouldContain("[4, 10]", Case.Insensitive, "show the shape that was given (and say that [N, C, H, W] is expected)");
    }

    [Fact, Points(1), Step(8)]
    public void Dropout_and_Dropout2d_make_their_masks_on_the_device_of_their_input()
    {
        using var x = torch.ones(2, 3, 4, 4, device: TestDevice.Current);

        Dropouts.Dropout(x, p: 0.5).ShouldBeOn(TestDevice.Current, "the result stays where the input is");
        Dropouts.Dropout2d(x, p: 0.5).ShouldBeOn(TestDevice.Current, "the result stays where the input is");
        // The meta device (shapes, no memory) stands in for a GPU on any machine: a mask made on the
        // CPU cannot be multiplied with an input that lives elsewhere.
        var meta = torch.device("meta");
        using var elsewhere = torch.ones(2, 3, 4, 4, device: meta);
        OnMeta(() => Dropouts.Dropout(elsewhere, p: 0.5)).shape.ShouldBe([2L, 3, 4, 4]);
        OnMeta(() => Dropouts.Dropout2d(elsewhere, p: 0.5)).shape.ShouldBe([2L, 3, 4, 4]);
    }

    static Tensor OnMeta(Func<Tensor> dropout)
    {
        Tensor result;
        try
        {
            result = dropout();
        }
        catch (Exception e) when (e is not NotImplementedException and not ShouldAssertException)
        {
            throw new ShouldAssertException(
                $"dropout failed on an input that is not on the CPU ({e.Message.Split('\n')[0]}): make the mask on the input's " +
                "device, torch.rand(..., device: x.device) or torch.rand_like(x)");
        }
        result.ShouldBeOn(torch.device("meta"), "the result stays where the input is");
        return result;
    }
}
