using System.ComponentModel;
using Katas.Grader.Instructor;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Grader.Commands;

/// <summary>`katas export gradescope OUT.zip`: a Gradescope autograder (setup.sh, run_autograder, the course's trusted copy).</summary>
public sealed class ExportGradescopeCommand(IAnsiConsole console) : Command<ExportGradescopeCommand.Settings>
{
    public sealed class Settings : CommonSettings
    {
        [CommandArgument(0, "<OUT.zip>")]
        [Description("The autograder zip to write (a new file): upload it to a Gradescope programming assignment.")]
        public string Zip { get; init; } = "";

        [CommandOption("--extra-tests <DIR>")]
        [Description("Your hidden tests, DIR/<chapter>/*.cs: graded with every submission, shown to students after the due date.")]
        public string? ExtraTests { get; init; }

        [CommandOption("--data-mirror <URL>")]
        [Description("Where setup.sh fetches MNIST from (http(s) URLs or folders, ';'-separated); default: data/datasets.json's public mirrors.")]
        public string? DataMirror { get; init; }

        [CommandOption("--bundle-data <DIR>")]
        [Description("Put MNIST's four files from DIR into the zip (about 11 MB): no download at all.")]
        public string? BundleData { get; init; }

        [CommandOption("--timeout <SECONDS>")]
        [Description("Time limit for one chapter's tests (default 300).")]
        [DefaultValue(300)]
        public int TimeoutSeconds { get; init; } = 300;

        [CommandOption("--deadline <SECONDS>")]
        [Description("run_autograder stops grading after this long and gives 0 with the reason (default 1140, 19 minutes): set the assignment's Gradescope timeout above it.")]
        [DefaultValue(1140)]
        public int DeadlineSeconds { get; init; } = 1140;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.TimeoutSeconds < 10) throw new GraderException("--timeout: at least 10 seconds.");
        if (settings.DeadlineSeconds < 60) throw new GraderException("--deadline: at least 60 seconds.");
        var result = GradescopeExport.Run(settings.ResolveCourse().Root, settings.Zip, new GradescopeExport.Options
        {
            ExtraTests = settings.ExtraTests, DataMirror = settings.DataMirror, BundleData = settings.BundleData,
            ChapterTimeoutSeconds = settings.TimeoutSeconds, DeadlineSeconds = settings.DeadlineSeconds,
        });
        console.MarkupLine($"[green]wrote {Markup.Escape(result.Zip)}[/] ({result.Bytes / 1024} KB): the course ({result.CourseFiles} files)" +
                           (result.HiddenTestFiles > 0 ? $", {result.HiddenTestFiles} hidden test files" : "") +
                           (result.DataFiles > 0 ? ", MNIST" : "") + ", setup.sh and run_autograder");
        console.MarkupLine("Upload it as a programming assignment's autograder (Ubuntu 22.04 base image; give it 2 CPUs, 4 GB, and a timeout above --deadline): docs/grader.md, \"Gradescope\".");
        return 0;
    }
}
