namespace Fixture.Tests;

public class GateTests
{
    [Fact]
    public void Opens() => Gate.Open().ShouldBe(1);
}
