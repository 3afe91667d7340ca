namespace Fixture.Tests;

public class RunTests
{
    [Fact, Points(2)]
    public void Finish_is_1() => Run.Finish().ShouldBe(1);

    [Fact, Points(3)]
    public void Count_is_3() => Run.Count().ShouldBe(3);
}
