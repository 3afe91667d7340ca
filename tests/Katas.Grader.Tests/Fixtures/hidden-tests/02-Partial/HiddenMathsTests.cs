namespace Fixture.Tests;

// An instructor's hidden tests for the fixture chapter 02-Partial.
public class HiddenMathsTests
{
    [Fact, Points(2)]
    public void Twice_a_negative_number() => Maths.Twice(-5).ShouldBe(-10);

    [Fact, Points(3)]
    public void Square_of_a_negative_number_is_positive() => Maths.Square(-4).ShouldBe(16);
}
