namespace Fixture;

// A test of the learner's own, outside Tests/, worth a fortune.
public class Bonus
{
    // forbids: KATAS004
    [Xunit.Fact, Katas.Kit.Testing.Points(1000)]
    public void Free_points() { }
}
