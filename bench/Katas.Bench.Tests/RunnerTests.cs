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
    public void Warm_up_runs_come_first_and_are_not_counted_then_each_timed_run_gets_its_own_seed()
    {
        var trial = new Recording();
        var workload = new Workload("fake", "00", "a fake", "none.py", "things", _ => trial);

        var (stats, items) = Runner.Time(workload, new Settings(Repeat: 3, Warmup: 2, Threads: 1, Device: "cpu", Quick: true));

        trial.Seeds.ShouldBe([1000, 1001, 0, 1, 2]);
        stats.Runs.ShouldBe([1.0, 2.0, 3.0]);
        stats.Median.ShouldBe(2.0);
        items.ShouldBe(10);
        trial.Disposed.ShouldBeTrue("the runner disposes the trial (its data and models) when done");
    }
}
