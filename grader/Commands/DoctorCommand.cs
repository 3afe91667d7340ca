using System.ComponentModel;
using Katas.Grader.Core;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Grader.Commands;

/// <summary>`katas doctor`: is this machine ready for the course? Each check says how to fix what is not.</summary>
public sealed class DoctorCommand(IAnsiConsole console) : AsyncCommand<DoctorCommand.Settings>
{
    public sealed class Settings : CommonSettings
    {
        [CommandOption("--backend <BACKEND>")]
        [Description("The TorchBackend to ask libtorch about: cpu (default), cuda or external (also: the TorchBackend environment variable).")]
        public string? Backend { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var course = settings.ResolveCourse();
        var backend = settings.Backend ?? new Running.GradeOptions().Backend;
        console.MarkupLine($"[grey]Checking this machine for {Markup.Escape(course.Root)} (backend {Markup.Escape(backend)})...[/]");
        var checks = await Doctor.RunAsync(course, backend, cancellationToken).ConfigureAwait(false);
        Rendering.DoctorReport.Render(console, checks);
        return 0;
    }
}
