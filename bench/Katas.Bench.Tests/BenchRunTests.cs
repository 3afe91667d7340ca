using Katas.Bench.Measuring;
using Katas.Bench.Peers;
using Katas.Bench.Reporting;
using Katas.Bench.Workloads;

namespace Katas.Bench.Tests;

/// <summary>A bench run goes on past a workload that fails or refuses the device, and the table says which and why.</summary>
public class BenchRunTests
{
    static readonly Settings OnCuda = new(Repeat: 3, Warmup: 0, Threads: 1, Device: "cuda", Quick: false);

    sealed class Fixed(double seconds) : ITrial
    {
        public long ItemsPerRun => 100;
        public double Run(int seed) => seconds;
        public void Dispose() { }
    }

    static Workload Fake(string name, string peer, Func<Settings, ITrial> open, string? cpuOnly = null) =>
        new(name, "02", $"the {name} workload", peer, "images", open) { CpuOnly = cpuOnly };

    static readonly Workload[] Workloads =
    [
        Fake("first", "a.py", _ => new Fixed(2.0)),
        Fake("crashes", "a.py", _ => throw new InvalidOperationException("Input type (CPUFloatType) and weight type (CUDAFloatType) should be the same\nframe #0: ...")),
        Fake("loader", "b.py", _ => new Fixed(1.0), cpuOnly: "made by CPU code"),
        Fake("last", "b.py", _ => new Fixed(4.0)),
    ];

    [Fact]
    public void A_failing_workload_does_not_stop_the_others_and_the_table_says_which_failed_and_why()
    {
        var asked = new List<(string Script, string[] Names)>();
        var lines = new List<string>();

        var measured = BenchRun.Measure(Workloads, w => Runner.TryTime(w, OnCuda),
            (script, names) =>
            {
                asked.Add((script, names.ToArray()));
                return new PeerReport("python3", "3.12.0", "2.11.0", names.ToDictionary(n => n, _ => new Stats([1.0, 1.0, 1.0])));
            },
            lines.Add);

        measured.Results.Select(r => r.Name).ShouldBe(["first", "crashes", "loader", "last"], "every workload has a row, in order");
        measured.Results[0].CSharp!.Median.ShouldBe(2.0);
        measured.Results[3].CSharp!.Median.ShouldBe(4.0, "the workload after the failed one still ran");
        measured.Results[1].Failed.ShouldBe("InvalidOperationException: Input type (CPUFloatType) and weight type (CUDAFloatType) should be the same");
        measured.Results[2].Refused.ShouldBe("runs on the CPU only: made by CPU code");
        asked.Select(a => a.Names).ShouldBe([["first"], ["last"]], "a peer is asked only for what C# measured");
        measured.Results[3].Ratio.ShouldBe(4.0);
        measured.AnyFailed.ShouldBeTrue("a failure makes the bench exit with code 1");
        lines.ShouldContain(l => l.Contains("crashes") && l.Contains("failed: InvalidOperationException"));

        var markdown = Tables.Markdown(Report(measured));
        markdown.ShouldContain("| the crashes workload (`crashes`) | 02 | failed | - | - | - | - | - |");
        markdown.ShouldContain("| the loader workload (`loader`) | 02 | refused | - | - | - | - | - |");
        markdown.ShouldContain("- `crashes`: failed: InvalidOperationException: Input type (CPUFloatType) and weight type (CUDAFloatType) should be the same");
        markdown.ShouldContain("- `loader`: refused: runs on the CPU only: made by CPU code");
        markdown.ShouldNotContain("frame #0", Case.Sensitive, "one line per reason, not a native stack");
        Should.NotThrow(() => Spectre.Console.AnsiConsole.Write(Tables.Console(Report(measured))));
    }

    [Fact]
    public void A_failing_peer_is_recorded_for_its_workloads_and_the_CSharp_numbers_stay()
    {
        var measured = BenchRun.Measure(Workloads[..1], w => Runner.TryTime(w, OnCuda),
            (script, _) => throw new BenchException($"The Python peer {script} failed (exit code 1):\nTraceback ..."), _ => { });

        var row = measured.Results.ShouldHaveSingleItem();
        row.CSharp!.Median.ShouldBe(2.0);
        row.Python.ShouldBeNull();
        row.PythonFailed.ShouldBe("BenchException: The Python peer a.py failed (exit code 1):");
        row.Note.ShouldBe("Python peer failed: BenchException: The Python peer a.py failed (exit code 1):");
        measured.AnyFailed.ShouldBeTrue();
    }

    [Fact]
    public void Refused_workloads_alone_are_not_a_failure()
    {
        var measured = BenchRun.Measure(Workloads[2..], w => Runner.TryTime(w, OnCuda), peers: null, _ => { });

        measured.AnyFailed.ShouldBeFalse();
        measured.Results.Select(r => r.Refused is null).ShouldBe([false, true]);
    }

    [Fact]
    public void A_report_with_missing_numbers_reads_back_from_JSON()
    {
        var measured = BenchRun.Measure(Workloads, w => Runner.TryTime(w, OnCuda), peers: null, _ => { });

        var back = BenchReport.FromJson(Report(measured).ToJson());

        back.Workloads[1].CSharp.ShouldBeNull();
        back.Workloads[1].Failed.ShouldStartWith("InvalidOperationException: Input type");
        back.Workloads[2].Refused.ShouldBe("runs on the CPU only: made by CPU code");
        back.Workloads[3].CSharp!.Median.ShouldBe(4.0);
    }

    static BenchReport Report(Measured measured) => new(1, DateTimeOffset.UnixEpoch,
        new Machine("Linux", "Some CPU", 16, 128, ".NET 10", "0.107.0", "2.11.0", "external", "cuda", 16, 0.1),
        OnCuda, measured.Python, measured.Results, null, 0.1);
}
