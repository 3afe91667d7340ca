namespace Fixture.Tests;

public class BrokenTests
{
    [Fact, Points(4)]
    public void Value_is_42() => Broken.Value().ShouldBe(42);
}
