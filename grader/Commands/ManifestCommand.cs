using Katas.Grader.Layout;
using System.ComponentModel;
using Katas.Grader.Integrity;
using Katas.Grader.Running;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Grader.Commands;

/// <summary>
/// `katas manifest`: (re)writes grader/tests-manifest.json from the repository — the hashes of the
/// files that decide a grade, and every test with its points. `--check` only compares (for CI).
/// </summary>
public sealed class ManifestCommand(IAnsiConsole console) : AsyncCommand<ManifestCommand.Settings>
{
    public sealed class Settings : CommonSettings
    {
        [CommandOption("--check")]
        [Description("Do not write: exit with code 3 if the committed manifest is out of date.")]
        public bool Check { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var course = settings.ResolveCourse();
        var repo = course.Root;
        var manifest = await ManifestBuilder.BuildAsync(repo, cancellationToken).ConfigureAwait(false);
        if (!settings.Check)
        {
            manifest.Save(repo);
            console.MarkupLine($"[green]wrote {Course.TestManifestPath}: {manifest.Files.Count} files, " +
                               $"{manifest.Tests.Values.Sum(t => t.Count)} tests in {manifest.Tests.Count} chapters[/]");
            return 0;
        }
        var committed = TestManifest.Load(repo);
        var problems = committed is null ? [$"{course.TestManifest} does not exist"] : committed.Differences(manifest, repo);
        foreach (var p in problems) console.MarkupLine($"[red]manifest: {Markup.Escape(p)}[/]");
        console.MarkupLine(problems.Count == 0 ? $"[green]{Course.TestManifestPath} is up to date[/]"
            : $"[red]{Course.TestManifestPath} is out of date: run `dotnet run --project grader -- manifest` and commit it[/]");
        return problems.Count == 0 ? 0 : Expectation.NotMet;
    }
}
