using Katas.Tooling;
using Katas.Grader.Layout;
using System.ComponentModel;
using Katas.Grader.Core;
using Katas.Grader.Model;
using Katas.Grader.Rendering;
using Katas.Grader.Running;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Grader.Commands;

/// <summary>
/// `katas merge A.json B.json ...`: one result from results of disjoint chapters — how the pull-request
/// workflow joins the chapters it graded on separate runners. With `--chapters` (the plan's list) every
/// planned chapter is in the result: one whose grading left no result file (its job failed, timed out
/// or was cancelled) scores 0 of its maximum in the manifest, and says so, so the maximum never shrinks.
/// </summary>
public sealed class MergeCommand(IAnsiConsole console) : Command<MergeCommand.Settings>
{
    public sealed class Settings : CommonSettings
    {
        [CommandArgument(0, "[results]")]
        [Description("Result files (katas-result/1), each for some chapters (none: with --chapters, every chapter scores 0).")]
        public string[] Results { get; init; } = [];

        [CommandOption("--chapters <IDS>")]
        [Description("The chapters that were to be graded (comma-separated folder names, or a JSON array): a missing one scores 0 of its manifest maximum.")]
        public string? Chapters { get; init; }

        [CommandOption("--json <FILE>")] public string? Json { get; init; }
        [CommandOption("--markdown <FILE>")] public string? Markdown { get; init; }
        [CommandOption("--exercism <DIR>")] public string? Exercism { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var parts = settings.Results.Select(JsonResults.Read).ToList();
        var merged = settings.Chapters is { } planned
            ? ResultMerge.Merge(parts, ResultMerge.Planned(planned), settings.ResolveCourse())
            : ResultMerge.Merge(parts);
        if (settings.Json is { } json) JsonResults.Write(merged, json);
        if (settings.Markdown is { } md) AtomicFile.WriteAllText(md, MarkdownReport.Render(merged));
        if (settings.Exercism is { } ex) Rendering.Formats.ExercismResults.Write(merged, ex);
        ConsoleReport.Render(console, merged, showNext: false);
        console.WriteLine(Words.ClassroomLine(merged.Score));
        return 0;
    }
}
