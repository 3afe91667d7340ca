namespace Fixture.Tests;

public class FailFastTests
{
    [Fact]
    public void A_quick_test_passes() => 1.ShouldBe(1);

    [Fact, Points(2)]
    public void Z_a_test_that_kills_its_process() => Environment.FailFast("the learner's code called FailFast");
}
