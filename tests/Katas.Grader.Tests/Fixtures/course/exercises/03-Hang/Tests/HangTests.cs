namespace Fixture.Tests;

public class HangTests
{
    [Fact]
    public void A_quick_test_passes() => 1.ShouldBe(1);

    [Fact, Points(2)]
    public void Z_a_test_that_never_ends()
    {
        while (true) Thread.Sleep(100); // a learner's endless loop
    }
}
