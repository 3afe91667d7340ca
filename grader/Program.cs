using Katas.Grader.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

// `katas`: the katas' main command (the commands and exit codes: Commands/KatasApp.cs).
var app = new CommandApp<StatusCommand>();
app.Configure(KatasApp.Configure);
try
{
    return await app.RunAsync(args);
}
catch (Exception e) when (KatasApp.IsUsageError(e))
{
    return KatasApp.Report(AnsiConsole.Console, e);
}
