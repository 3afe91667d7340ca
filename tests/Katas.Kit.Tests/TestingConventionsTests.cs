using Katas.Kit.Testing;

namespace Katas.Kit.Tests;

public class TestingConventionsTests
{
    [Fact]
    public void Points_become_an_xunit_trait_the_grader_can_read()
    {
        new PointsAttribute(3).GetTraits().ShouldBe([new KeyValuePair<string, string>("Points", "3")]);
    }

    [Fact]
    public void Points_must_be_positive() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new PointsAttribute(0));

    [Fact]
    public void A_step_becomes_an_xunit_trait_the_grader_can_read()
    {
        new StepAttribute(4).GetTraits().ShouldBe([new KeyValuePair<string, string>("Step", "4")]);
    }

    [Fact]
    public void Steps_are_numbered_from_one_as_in_the_readme() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new StepAttribute(0));

    [Fact]
    public void A_gpu_only_test_carries_a_device_trait_the_grader_can_read() =>
        new GpuOnlyAttribute().GetTraits().ShouldBe([new KeyValuePair<string, string>("Device", "cuda")]);

    [Fact]
    public void A_gpu_fact_is_skipped_with_its_reason_unless_cuda_is_available()
    {
        var fact = new GpuFactAttribute();

        fact.Skip.ShouldBe(Gpu.SkipReason);
        fact.SkipUnless.ShouldBe(nameof(Gpu.Available));
        Gpu.Available.ShouldBe(torch.cuda.is_available());
    }

    [GpuFact]
    public void On_a_gpu_a_tensor_computes_on_cuda()
    {
        using var t = torch.ones(3, device: torch.CUDA);
        t.sum().item<float>().ShouldBe(3f);
        t.device_type.ShouldBe(DeviceType.CUDA);
    }

    [Fact]
    public void Tensor_assertions_report_the_largest_difference()
    {
        var error = Should.Throw<ShouldAssertException>(() =>
            torch.tensor(new[] { 1f, 2f, 3.5f }).ShouldBeClose(torch.tensor(new[] { 1f, 2f, 3f }), customMessage: "hint"));

        error.Message.ShouldContain("1 of 3 values differ");
        error.Message.ShouldContain("3.5 instead of 3");
        error.Message.ShouldContain("hint");
    }

    [Fact]
    public void Tensor_assertions_report_a_wrong_shape()
    {
        Should.Throw<ShouldAssertException>(() => torch.zeros(2, 3).ShouldEqual(torch.zeros(3, 2)))
            .Message.ShouldContain("should have shape [3, 2] but has [2, 3]");
    }
}
