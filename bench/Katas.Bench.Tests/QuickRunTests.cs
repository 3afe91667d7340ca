using Katas.Bench.Measuring;
using Katas.Bench.Peers;
using Katas.Bench.Workloads;
using Katas.Kit.Data;

namespace Katas.Bench.Tests;

/// <summary>A real workload on each side, at quick sizes: the solutions' code and the peer protocol work.</summary>
public class QuickRunTests
{
    static readonly Settings Quick = new(Repeat: 2, Warmup: 0, Threads: 1, Device: "cpu", Quick: true);

    [Fact]
    public void The_sin_cos_fit_runs_the_chapter_7_solution_and_returns_positive_times()
    {
        var (stats, items) = Runner.Time(Catalog.Select("sincos-fit").Single(), Quick);
        stats.Runs.Count.ShouldBe(2);
        stats.Runs.ShouldAllBe(s => s > 0 && s < 60);
        items.ShouldBe(20, "quick mode fits 20 steps");
    }

    [Theory]
    [InlineData("vgg16-checkpoint")]
    [InlineData("vgg16-checkpoint-nofsync")]
    public void The_checkpoint_workloads_leave_no_file_behind(string name)
    {
        var file = Kit.RepoPaths.Output("bench", "vgg16.pt");
        var (stats, _) = Runner.Time(Catalog.Select(name).Single(), Quick with { Repeat = 1 });
        stats.Median.ShouldBeGreaterThan(0);
        File.Exists(file).ShouldBeFalse("the bench deletes its 528 MB checkpoint when it is done");
        Directory.GetFiles(Path.GetDirectoryName(file)!, "vgg16.pt.*.tmp").ShouldBeEmpty("nor a temporary file of the atomic save");
    }

    [Fact]
    public void The_Python_peer_of_the_sin_cos_fit_reports_its_runs_where_Python_PyTorch_is_installed()
    {
        string python;
        try { python = PythonPeers.Find(null); }
        catch (BenchException e) { Assert.Skip($"no Python with PyTorch here ({e.Message[..Math.Min(80, e.Message.Length)]}...)"); throw; }
        var mnist = DatasetCache.FromEnvironment().Ensure("mnist", TestContext.Current.CancellationToken);

        var report = PythonPeers.Run(python, "rnn_lstm.py", ["sincos-fit"], Quick, mnist);

        report.Torch.ShouldNotBeNullOrWhiteSpace();
        report.Results["sincos-fit"].Runs.Count.ShouldBe(2);
        report.Results["sincos-fit"].Runs.ShouldAllBe(s => s > 0 && s < 60);
    }

    [Fact]
    public void The_Python_peer_saves_and_loads_both_checkpoints_where_Python_PyTorch_is_installed()
    {
        string python;
        try { python = PythonPeers.Find(null); }
        catch (BenchException e) { Assert.Skip($"no Python with PyTorch here ({e.Message[..Math.Min(80, e.Message.Length)]}...)"); throw; }
        var mnist = DatasetCache.FromEnvironment().Ensure("mnist", TestContext.Current.CancellationToken);
        var folder = Path.GetDirectoryName(Kit.RepoPaths.Output("bench", "vgg16.pt"))!;

        var report = PythonPeers.Run(python, "vgg.py", ["vgg16-checkpoint", "vgg16-checkpoint-nofsync"], Quick, mnist);

        report.Results["vgg16-checkpoint"].Runs.ShouldAllBe(s => s > 0 && s < 60);
        report.Results["vgg16-checkpoint-nofsync"].Runs.ShouldAllBe(s => s > 0 && s < 60);
        Directory.GetFiles(folder, "vgg16-python.pt*").ShouldBeEmpty("the peer leaves neither its checkpoint nor a temporary file");
    }
}
