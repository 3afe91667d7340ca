namespace Fixture.Tests;

public class AdderTests
{
    [Fact, Points(2)]
    public void Two_plus_two_is_four() => Adder.Add(2, 2).ShouldBe(4);

    [Fact]
    public void Adding_zero_changes_nothing() => Adder.Add(7, 0).ShouldBe(7);

    [GpuFact, Points(5)]
    public void Runs_on_a_gpu() => torch.cuda.is_available().ShouldBeTrue();
}
