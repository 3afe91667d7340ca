using System.ComponentModel;
using Katas.Bench.Measuring;
using Katas.Bench.Peers;
using Katas.Bench.Reporting;
using Katas.Bench.Suite;
using Katas.Bench.Workloads;
using Katas.Kit;
using Katas.Kit.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Bench;

/// <summary>`katas-bench`: times the workloads, optionally beside their Python peers and with the test suite.</summary>
public sealed class BenchCommand : Command<BenchCommand.Options>
{
    public sealed class Options : CommandSettings
    {
        [CommandOption("-w|--workloads <LIST>"), Description("Comma-separated workload names or prefixes (default: all). --list shows them.")]
        public string? Workloads { get; init; }

        [CommandOption("-r|--repeat <N>"), Description("Timed runs per workload; the median is reported (default 5; --quick: 1).")]
        public int? Repeat { get; init; }

        [CommandOption("--warmup <N>"), Description("Untimed runs before the timed ones (default 1; --quick: 0).")]
        public int? Warmup { get; init; }

        [CommandOption("-t|--threads <N>"), Description("libtorch threads, on both sides (default: the number of cores).")]
        public int? Threads { get; init; }

        [CommandOption("-d|--device <DEVICE>"), Description("cpu (default), cuda or auto.")]
        public string Device { get; init; } = "cpu";

        [CommandOption("-p|--peers"), Description("Also run the Python PyTorch peers (bench/peers/*.py) and print C#/Python ratios.")]
        public bool Peers { get; init; }

        [CommandOption("--python <PATH>"), Description("The Python with PyTorch to run the peers (default: KATAS_PYTHON, python3, /usr/bin/python3).")]
        public string? Python { get; init; }

        [CommandOption("-s|--suite"), Description("Also time the solutions' test suite: the README's command, each chapter, and the grader (minutes).")]
        public bool Suite { get; init; }

        [CommandOption("--loop [SAVES]"), Description("Only time the learner's loop: `katas watch 1` on a copy of the course, then SAVES saves of a learner file (default 5), each timed to the first failing test's message.")]
        public FlagValue<int>? Loop { get; init; }

        [CommandOption("-q|--quick"), Description("Tiny sizes, one run: checks that everything runs (CI). The numbers mean nothing.")]
        public bool Quick { get; init; }

        [CommandOption("--json <PATH>"), Description("Where to write the results (default out/bench/results.json).")]
        public string? Json { get; init; }

        [CommandOption("--markdown <PATH>"), Description("Also write the table as Markdown (for docs/performance.md).")]
        public string? Markdown { get; init; }

        [CommandOption("-l|--list"), Description("List the workloads and exit.")]
        public bool List { get; init; }

        public override ValidationResult Validate() =>
            Repeat < 1 ? ValidationResult.Error("--repeat must be at least 1.")
            : Warmup < 0 ? ValidationResult.Error("--warmup must be 0 or more.")
            : Threads < 1 ? ValidationResult.Error("--threads must be at least 1.")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Options options, CancellationToken cancellationToken)
    {
        var workloads = Catalog.Select(options.Workloads);
        if (options.List)
        {
            foreach (var w in Catalog.All) AnsiConsole.MarkupLine($"[bold]{w.Name}[/] (chapter {w.Chapter}): {Markup.Escape(w.Title)}");
            return 0;
        }

        if (options.Loop is { IsSet: true } loop) return TimeLoop(loop.Value > 0 ? loop.Value : 5, options.Json);

        TorchRuntime.EnsureLoaded();
        var settings = new Settings(
            Repeat: options.Repeat ?? (options.Quick ? 1 : 5),
            Warmup: options.Warmup ?? (options.Quick ? 0 : 1),
            Threads: options.Threads ?? Environment.ProcessorCount,
            Device: ResolveDevice(options.Device),
            Quick: options.Quick);
        torch.set_num_threads(settings.Threads);
        var python = options.Peers ? PythonPeers.Find(options.Python) : null; // fail before an hour of timing, not after
        var machine = Machine.Describe(settings);
        var mnist = DatasetCache.FromEnvironment().Ensure("mnist", cancellationToken);

        var measured = BenchRun.Measure(workloads,
            workload => Progress($"C#: {workload.Name}", report => Runner.TryTime(workload, settings, report)),
            python is null ? null : (script, names) =>
                Progress($"Python: {script} ({string.Join(", ", names)})", _ => PythonPeers.Run(python, script, names, settings, mnist)),
            AnsiConsole.MarkupLine);

        SuiteTimes? suite = null;
        if (options.Suite)
        {
            var repo = RepoPaths.Root ?? throw new BenchException("--suite times the repository's tests: run the bench from inside the repository.");
            suite = Progress("test suite", report => SuiteTimes.Measure(repo, report));
        }

        var benchReport = new BenchReport(1, DateTimeOffset.Now, machine, settings, measured.Python, measured.Results, suite, Machine.LoadAverage());

        AnsiConsole.Write(Tables.Console(benchReport));
        if (options.Quick) AnsiConsole.MarkupLine("[yellow]--quick: tiny sizes and one run; these numbers only show that every workload runs.[/]");
        if (benchReport.LoadAverageAfter > machine.Cores)
            AnsiConsole.MarkupLine($"[yellow]The load average reached {benchReport.LoadAverageAfter:0.0} on {machine.Cores} cores: other work competed for the CPU, so these times are upper bounds.[/]");
        var json = options.Json ?? RepoPaths.Output("bench", "results.json");
        File.WriteAllText(json, benchReport.ToJson());
        AnsiConsole.MarkupLine($"Results: [link]{Markup.Escape(json)}[/]");
        if (options.Markdown is { } markdown)
        {
            File.WriteAllText(markdown, Tables.Markdown(benchReport));
            AnsiConsole.MarkupLine($"Markdown: [link]{Markup.Escape(markdown)}[/]");
        }
        if (measured.AnyFailed)
        {
            AnsiConsole.MarkupLine("[red]Some workloads failed: the table says which and why (exit code 1).[/]");
            return 1;
        }
        return 0;
    }

    static int TimeLoop(int saves, string? jsonPath)
    {
        var repo = RepoPaths.Root ?? throw new BenchException("--loop times the grader's watch on this course: run the bench from inside the repository.");
        var loop = Progress("the learner's loop", report => LoopTimes.Measure(repo, saves, report));
        var table = new Table().AddColumns("katas watch 1 (chapter 1, stubs)", "seconds");
        table.AddRow("first result (a whole build of a fresh copy)", $"{loop.FirstResultSeconds:0.0}");
        for (var i = 0; i < loop.SaveSeconds.Count; i++) table.AddRow($"save {i + 1} -> first failing test's message", $"{loop.SaveSeconds[i]:0.00}");
        table.AddRow("[bold]median of the saves[/]", $"[bold]{loop.Saves.Median:0.00}[/] (min {loop.Saves.Min:0.00}, max {loop.Saves.Max:0.00})");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"{loop.QuickBuilds} of {saves} saves were compiled by the compiler server alone. Load average now: {Machine.LoadAverage():0.0}.");
        var json = jsonPath ?? RepoPaths.Output("bench", "loop.json");
        File.WriteAllText(json, loop.ToJson());
        AnsiConsole.MarkupLine($"Results: [link]{Markup.Escape(json)}[/]");
        return 0;
    }

    static string ResolveDevice(string requested)
    {
        try
        {
            return Devices.Resolve(requested, torch.cuda.is_available());
        }
        catch (InvalidOperationException e) // Kit's message names KATAS_DEVICE, which --device stands for here
        {
            throw new BenchException($"--device {requested}: {e.Message}");
        }
    }

    static T Progress<T>(string title, Func<Action<string>, T> work) =>
        AnsiConsole.Status().Start(title, status => work(step => status.Status($"{title}: {step}")));
}
