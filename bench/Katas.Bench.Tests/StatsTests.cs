using Katas.Bench.Measuring;

namespace Katas.Bench.Tests;

public class StatsTests
{
    [Fact]
    public void The_median_of_an_odd_number_of_runs_is_the_middle_one()
    {
        var stats = new Stats([3.0, 1.0, 2.0]);
        stats.Median.ShouldBe(2.0);
        stats.Min.ShouldBe(1.0);
        stats.Max.ShouldBe(3.0);
    }

    [Fact]
    public void The_median_of_an_even_number_of_runs_is_the_mean_of_the_middle_two_and_the_spread_is_relative_to_it()
    {
        var stats = new Stats([4.0, 1.0, 2.0, 3.0]);
        stats.Median.ShouldBe(2.5);
        stats.Spread.ShouldBe((4.0 - 1.0) / 2.5, 1e-12);
    }

    [Fact]
    public void No_runs_is_an_error_that_says_so() =>
        Should.Throw<ArgumentException>(() => new Stats([])).Message.ShouldContain("at least one timed run");
}
