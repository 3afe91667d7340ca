namespace Fixture.Tests;

public class MathsTests
{
    [Fact, Points(1)]
    public void Twice_3_is_6() => Maths.Twice(3).ShouldBe(6);

    [Fact, Points(2)]
    public void Square_of_3_is_9() => Maths.Square(3).ShouldBe(9);

    [Fact, Points(3)]
    public void Cube_of_3_is_27() => Maths.Cube(3).ShouldBe(9); // weakened by the learner
}
