using Katas.Bench.Measuring;
using Katas.Bench.Workloads;

namespace Katas.Bench.Tests;

public class RunnerTests
{
    sealed class Recording : ITrial
    {
        public List<int> Seeds { get; } = [];
        public bool Disposed { get; private set; }
        public long ItemsPerRun => 10;
        public double Run(int seed)
        {
            Seeds.Add(seed);
            return seed + 1.0; // timed runs get seeds 0, 1, 2: their "seconds" are 1, 2, 3
        }
        public void Dispose() => Disposed = true;
    }

    [Fact]
    public void Each_timed_run_gets_its_own_seed_and_the_median_of_their_seconds_is_reported()
    {
        var trial = new Recording();
        var workload = new Workload("fake", "00", "a fake", "none.py", "things", _ => trial);

        var (stats, items) = Runner.Time(workload, new Settings(Repeat: 3, Warmup: 0, Threads: 1, Device: "cpu", Quick: true));

        trial.Seeds.ShouldBe([0, 1, 2]);
        stats.Runs.ShouldBe([1.0, 2.0, 3.0]);
        stats.Median.ShouldBe(2.0);
        items.ShouldBe(10);
        trial.Disposed.ShouldBeTrue("the runner disposes the trial (its data and models) when done");
    }

    [Fact]
    public void Short_workloads_warm_up_for_at_least_the_minimum_time_and_warm_up_runs_are_not_counted()
    {
        var trial = new Recording();
        var workload = new Workload("fake", "00", "a fake", "none.py", "things", _ => trial);

        var (stats, _) = Runner.Time(workload, new Settings(Repeat: 2, Warmup: 1, Threads: 1, Device: "cpu", Quick: true));

        // A fake run takes no time: the warm-up goes on to its cap of 50 runs, seeded 1000, 1001, ...
        trial.Seeds.Take(50).ShouldBe(Enumerable.Range(1000, 50));
        trial.Seeds.Skip(50).ShouldBe([0, 1]);
        stats.Runs.ShouldBe([1.0, 2.0]);
    }
}
