using System.Text.RegularExpressions;
using Katas.Bench.Measuring;
using Katas.Bench.Workloads;

namespace Katas.Bench.Tests;

public partial class CatalogTests
{
    [Fact]
    public void The_workloads_cover_what_the_issue_asks_for_with_unique_names() =>
        Catalog.All.Select(w => w.Name).ShouldBe(
        [
            "cnn-epoch", "cnn-epoch-dataloader", "vgg16-forward", "vgg16-checkpoint", "vgg16-checkpoint-nofsync", "lstm-epoch", "sincos-fit",
            "loader-w0", "loader-w1", "loader-w2", "loader-w4", "loader-train-w0", "loader-train-w2",
        ]);

    [Fact]
    public void On_cuda_every_workload_runs_or_is_refused_in_one_line()
    {
        var onCuda = new Settings(Repeat: 1, Warmup: 0, Threads: 1, Device: "cuda", Quick: true);

        var refused = Catalog.All.Where(w => w.RefusalFor(onCuda) is not null).ToList();

        refused.Select(w => w.Name).ShouldBe(["vgg16-checkpoint", "vgg16-checkpoint-nofsync", "loader-w0", "loader-w1", "loader-w2", "loader-w4", "loader-train-w0", "loader-train-w2"],
            "the training and forward workloads run on the GPU; a checkpoint and chapter 8's loader are CPU work");
        refused.ShouldAllBe(w => !w.RefusalFor(onCuda)!.Contains('\n'));
        var onCpu = onCuda with { Device = "cpu" };
        Catalog.All.ShouldAllBe(w => w.RefusalFor(onCpu) == null, "everything runs on the CPU");
    }

    [Fact]
    public void A_prefix_selects_every_workload_that_starts_with_it() =>
        Catalog.Select("loader-train,vgg16-forward").Select(w => w.Name)
            .ShouldBe(["vgg16-forward", "loader-train-w0", "loader-train-w2"]);

    [Fact]
    public void A_whole_name_selects_that_workload_alone() =>
        Catalog.Select("cnn-epoch").Select(w => w.Name).ShouldBe(["cnn-epoch"], "cnn-epoch-dataloader has its own name");

    [Fact]
    public void An_unknown_name_is_an_error_that_lists_the_known_ones()
    {
        var error = Should.Throw<BenchException>(() => Catalog.Select("lstm-epoch,resnet"));
        error.Message.ShouldContain("resnet");
        error.Message.ShouldContain("lstm-epoch");
    }

    [Fact]
    public void Every_workload_has_a_Python_peer_that_knows_it_by_the_same_name()
    {
        foreach (var workload in Catalog.All)
        {
            var peer = Path.Combine(AppContext.BaseDirectory, "peers", workload.Peer);
            File.Exists(peer).ShouldBeTrue($"{workload.Name}: its peer {workload.Peer} should be copied beside the bench");
            var source = File.ReadAllText(peer);
            var named = source.Contains($"\"{workload.Name}\"", StringComparison.Ordinal)
                || LoaderNames().Matches(source).Any(m => workload.Name.StartsWith(m.Groups[1].Value, StringComparison.Ordinal));
            named.ShouldBeTrue($"{workload.Peer} should register \"{workload.Name}\" in the table it passes to common.run");
        }
    }

    // parallel_data.py builds its names: f"loader-w{n}" and f"loader-train-w{n}".
    [GeneratedRegex("f\"(loader-(?:train-)?w)\\{n\\}\"")]
    private static partial Regex LoaderNames();
}
