using Katas.Bench;
using Katas.Kit;
using Spectre.Console;
using Spectre.Console.Cli;

// `katas-bench`: how fast the katas' workloads run, in C# and (with --peers) in Python PyTorch.
// Exit codes: 0 = measured (workloads that refuse the device are listed as refused); 1 = some workloads
// or peers failed (the table says which and why; the others were measured); 2 = could not run (bad
// arguments, no Python with PyTorch, ...).
var app = new CommandApp<BenchCommand>();
app.Configure(config =>
{
    config.SetApplicationName("katas-bench");
    config.PropagateExceptions();
    config.AddExample("--list");
    config.AddExample("--peers");
    config.AddExample("--workloads", "cnn-epoch,vgg16", "--repeat", "3", "--peers");
    config.AddExample("--suite", "--markdown", "out/bench/table.md");
});

try
{
    return app.Run(args);
}
catch (Exception e) when (e is BenchException or TorchLoadException or CommandParseException or CommandRuntimeException or Katas.Kit.Data.DatasetException)
{
    AnsiConsole.MarkupLine($"[red]katas-bench: {Markup.Escape(e.Message)}[/]");
    return 2;
}
