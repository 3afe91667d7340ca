using System.ComponentModel;
using Katas.Grader.Model;
using Katas.Grader.Rendering;
using Katas.Grader.Running;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Grader.Commands;

/// <summary>
/// `katas merge A.json B.json ...`: one result from results of disjoint chapters — how the pull-request
/// workflow joins the chapters it graded on separate runners.
/// </summary>
public sealed class MergeCommand : Command<MergeCommand.Settings>
{
    readonly IAnsiConsole console = AnsiConsole.Console;

    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<results>")]
        [Description("Result files (katas-result/1), each for some chapters.")]
        public string[] Results { get; init; } = [];

        [CommandOption("--json <FILE>")] public string? Json { get; init; }
        [CommandOption("--markdown <FILE>")] public string? Markdown { get; init; }
        [CommandOption("--exercism <DIR>")] public string? Exercism { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var merged = Merge(settings.Results.Select(JsonResults.Read).ToList());
        if (settings.Json is { } json) JsonResults.Write(merged, json);
        if (settings.Markdown is { } md) Integrity.AtomicFile.WriteAllText(md, MarkdownReport.Render(merged));
        if (settings.Exercism is { } ex) ExercismResults.Write(merged, ex);
        ConsoleReport.Render(console, merged, showNext: false);
        console.WriteLine(Words.ClassroomLine(merged.Score));
        return 0;
    }

    public static GradeResult Merge(IReadOnlyList<GradeResult> parts)
    {
        if (parts.Count == 0) throw new GraderException("merge: give at least one result file.");
        var tracks = parts.Select(p => p.Run.Track).Distinct().ToList();
        if (tracks.Count > 1) throw new GraderException($"merge: the results are of different tracks ({string.Join(", ", tracks)}).");
        var duplicate = parts.SelectMany(p => p.Chapters).GroupBy(c => c.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new GraderException($"merge: chapter {duplicate.Key} is in more than one result.");
        var chapters = parts.SelectMany(p => p.Chapters).OrderBy(c => c.Number).ToList();
        static List<string> Union(IEnumerable<IReadOnlyList<string>> lists) => lists.SelectMany(l => l).Distinct().Order(StringComparer.Ordinal).ToList();
        var first = parts[0];
        return first with
        {
            Run = first.Run with
            {
                StartedAt = parts.Min(p => p.Run.StartedAt),
                FinishedAt = parts.Max(p => p.Run.FinishedAt),
            },
            Chapters = chapters,
            Score = GradeResult.Total(chapters),
            Tamper = new TamperReport
            {
                ManifestFound = parts.All(p => p.Tamper.ManifestFound),
                Changed = Union(parts.Select(p => p.Tamper.Changed)),
                Added = Union(parts.Select(p => p.Tamper.Added)),
                Deleted = Union(parts.Select(p => p.Tamper.Deleted)),
                TrustedTests = first.Tamper.TrustedTests,
            },
            // Chapters ran side by side: the wall time is the longest part.
            DurationSeconds = parts.Max(p => p.DurationSeconds),
        };
    }
}
