using Katas.Bench.Measuring;
using Katas.Bench.Peers;
using Katas.Bench.Reporting;
using Katas.Bench.Suite;

namespace Katas.Bench.Tests;

public class ReportTests
{
    static readonly Settings Settings = new(Repeat: 3, Warmup: 1, Threads: 2, Device: "cpu", Quick: false);

    static BenchReport Sample(SuiteTimes? suite = null) => new(1, new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero),
        new Machine("Linux", "Some CPU", 2, 23.4, ".NET 10.0.0", "0.107.0", "2.10.0", "cpu", "cpu", 2, 0.3),
        Settings, new PythonInfo("/usr/bin/python3", "3.11.2", "1.13.1"),
        [
            new WorkloadResult("cnn-epoch", "02", "CNN epoch", "images", 60_000, new Stats([4.0, 3.9, 4.2]), new Stats([6.0, 5.8, 6.1])),
            new WorkloadResult("vgg16-forward", "05", "VGG-16 forward", null, 0, new Stats([0.5]), null),
        ],
        suite, 0.5);

    [Fact]
    public void The_ratio_is_the_CSharp_median_over_the_Python_median_and_the_rate_uses_the_CSharp_median()
    {
        var cnn = Sample().Workloads[0];
        cnn.Ratio!.Value.ShouldBe(4.0 / 6.0, 1e-12);
        cnn.Rate!.Value.ShouldBe(15_000, 1e-9);
        Sample().Workloads[1].Ratio.ShouldBeNull("no peer ran for it");
    }

    [Fact]
    public void The_Markdown_table_shows_medians_spreads_rates_and_ratios()
    {
        var markdown = Tables.Markdown(Sample());
        markdown.ShouldContain("| CNN epoch (`cnn-epoch`) | 02 | 4.00 s | 8 % | 15,000 images/s | 6.00 s | 5 % | 0.67 |");
        markdown.ShouldContain("| VGG-16 forward (`vgg16-forward`) | 05 | 0.50 s | 0 % |  | - | - | - |");
        markdown.ShouldContain("Python 3.11.2, PyTorch 1.13.1");
    }

    [Fact]
    public void The_suite_rows_give_the_grader_overhead_as_grade_time_minus_the_chapters_dotnet_test_time()
    {
        var suite = new SuiteTimes(new TimedCommand("dotnet test -p:KataTrack=solutions", 200, 0),
            [new TimedCommand("dotnet test exercises/01-SimpleClassifier/SimpleClassifier.csproj -p:KataTrack=solutions", 20, 0),
             new TimedCommand("dotnet test exercises/02-MnistCnn/MnistCnn.csproj -p:KataTrack=solutions", 30, 1)],
            new TimedCommand("dotnet run --project grader --no-build -- grade --track solutions", 45, 0));
        suite.GraderOverheadSeconds.ShouldBe(-5);
        var markdown = Tables.Markdown(Sample(suite));
        markdown.ShouldContain("| the chapters one by one, `dotnet test` | 50.0 s |");
        markdown.ShouldContain("MnistCnn.csproj -p:KataTrack=solutions` (exit code 1) | 30.0 s |");
        markdown.ShouldContain("| grader overhead (grade - dotnet test) | -5.00 s |");
    }

    [Fact]
    public void The_JSON_reads_back_to_the_same_numbers()
    {
        var back = BenchReport.FromJson(Sample().ToJson());
        back.Workloads[0].CSharp!.Runs.ShouldBe([4.0, 3.9, 4.2]);
        back.Workloads[0].Python!.Median.ShouldBe(6.0);
        back.Machine.Cores.ShouldBe(2);
        back.Settings.ShouldBe(Settings);
        Sample().ToJson().ShouldContain("\"ratio\": 0.6666");
    }

    [Fact]
    public void A_peer_report_is_read_and_a_broken_one_is_an_error_that_names_the_peer()
    {
        var report = PythonPeers.Parse("python3", """{"python": "3.11.2", "torch": "1.13.1", "threads": 2, "workloads": {"cnn-epoch": {"runs": [5.0, 6.0, 7.0]}}}""", "mnist_cnn.py");
        report.Torch.ShouldBe("1.13.1");
        report.Results["cnn-epoch"].Median.ShouldBe(6.0);

        Should.Throw<BenchException>(() => PythonPeers.Parse("python3", """{"python": "3.11.2"}""", "mnist_cnn.py"))
            .Message.ShouldContain("mnist_cnn.py");
    }
}
