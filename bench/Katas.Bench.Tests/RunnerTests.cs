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

    sealed class Throwing(bool inRun) : ITrial
    {
        public bool Disposed { get; private set; }
        public long ItemsPerRun => 1;
#pragma warning disable CA2201 // what TorchSharp throws for libtorch's errors
        public double Run(int seed) => inRun
            ? throw new System.Runtime.InteropServices.ExternalException(
                "index is on cpu, different from other tensors on cuda:0 (when checking argument in method wrapper_CUDA__index_select)\n" +
                "Exception raised from ... (most recent call first):\nframe #0: c10::Error::Error(...)")
            : 1.0;
#pragma warning restore CA2201
        public void Dispose() => Disposed = true;
    }

    static readonly Settings OnCuda = new(Repeat: 2, Warmup: 0, Threads: 1, Device: "cuda", Quick: true);

    [Fact]
    public void A_workload_that_throws_comes_back_failed_with_its_error_in_one_line_and_its_trial_disposed()
    {
        var trial = new Throwing(inRun: true);
        var workload = new Workload("broken", "02", "a broken one", "none.py", null, _ => trial);

        var outcome = Runner.TryTime(workload, OnCuda);

        outcome.Stats.ShouldBeNull();
        outcome.Failed.ShouldBe("ExternalException: index is on cpu, different from other tensors on cuda:0 " +
            "(when checking argument in method wrapper_CUDA__index_select)", "the type and the first line, without the native stack");
        trial.Disposed.ShouldBeTrue("a failed workload still frees its data and models");
        Should.Throw<System.Runtime.InteropServices.ExternalException>(() => Runner.Time(workload, OnCuda),
            "Time itself still throws: only TryTime turns a failure into an outcome");
    }

    [Fact]
    public void A_workload_whose_setup_throws_comes_back_failed()
    {
        var workload = new Workload("no-data", "02", "setup fails", "none.py", null,
            _ => throw new InvalidOperationException("Input type (CPUFloatType) and weight type (CUDAFloatType) should be the same"));

        Runner.TryTime(workload, OnCuda).Failed.ShouldBe("InvalidOperationException: Input type (CPUFloatType) and weight type (CUDAFloatType) should be the same");
    }

    [Fact]
    public void A_cpu_only_workload_is_refused_on_another_device_without_being_opened_and_runs_on_the_cpu()
    {
        var opened = 0;
        var workload = new Workload("loader", "08", "CPU work", "none.py", "samples", _ => { opened++; return new Recording(); })
        {
            CpuOnly = "its batches are made by CPU code",
        };

        var refused = Runner.TryTime(workload, OnCuda);
        var ran = Runner.TryTime(workload, OnCuda with { Device = "cpu" });

        refused.Refused.ShouldBe("runs on the CPU only: its batches are made by CPU code");
        refused.Stats.ShouldBeNull();
        ran.Refused.ShouldBeNull();
        ran.Stats!.Runs.Count.ShouldBe(2);
        opened.ShouldBe(1, "a refused workload loads nothing");
    }
}
