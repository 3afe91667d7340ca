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
public sealed class ManifestCommand : AsyncCommand<ManifestCommand.Settings>
{
    readonly IAnsiConsole console = AnsiConsole.Console;

    public sealed class Settings : CommonSettings
    {
        [CommandOption("--check")]
        [Description("Do not write: exit with code 3 if the committed manifest is out of date.")]
        public bool Check { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var repo = settings.ResolveRepo();
        var manifest = await BuildAsync(repo, cancellationToken).ConfigureAwait(false);
        var path = TestManifest.PathIn(repo);
        if (!settings.Check)
        {
            manifest.Save(repo);
            console.MarkupLine($"[green]wrote {Markup.Escape(Path.GetRelativePath(repo, path))}: {manifest.Files.Count} files, " +
                               $"{manifest.Tests.Values.Sum(t => t.Count)} tests in {manifest.Tests.Count} chapters[/]");
            return 0;
        }
        var committed = TestManifest.Load(repo);
        var problems = new List<string>();
        if (committed is null) problems.Add($"{path} does not exist");
        else
        {
            var files = committed.Compare(repo);
            problems.AddRange(files.Changed.Select(f => "changed: " + f));
            problems.AddRange(files.Added.Select(f => "not in the manifest: " + f));
            problems.AddRange(files.Deleted.Select(f => "in the manifest, missing: " + f));
            foreach (var (chapter, tests) in manifest.Tests)
                if (!committed.Tests.TryGetValue(chapter, out var old) || !old.SequenceEqual(tests))
                    problems.Add($"tests or points of {chapter} differ");
            foreach (var (chapter, steps) in manifest.Steps ?? [])
                if (committed.Steps?.TryGetValue(chapter, out var old) != true || !old!.SequenceEqual(steps))
                    problems.Add($"the README steps of {chapter}'s tests differ");
            foreach (var (chapter, gpu) in manifest.GpuOnly ?? [])
                if (committed.GpuOnly?.TryGetValue(chapter, out var old) != true || !old!.SetEquals(gpu))
                    problems.Add($"the GPU-only tests of {chapter} differ");
            problems.AddRange(committed.Tests.Keys.Except(manifest.Tests.Keys).Select(c => $"chapter {c} no longer exists"));
        }
        foreach (var p in problems) console.MarkupLine($"[red]manifest: {Markup.Escape(p)}[/]");
        console.MarkupLine(problems.Count == 0 ? "[green]grader/tests-manifest.json is up to date[/]"
            : "[red]grader/tests-manifest.json is out of date: run `dotnet run --project grader -- manifest` and commit it[/]");
        return problems.Count == 0 ? 0 : Expectation.NotMet;
    }

    /// <summary>Builds each chapter (exercises track: it exists in every copy) and lists its tests.</summary>
    public static async Task<TestManifest> BuildAsync(string repo, CancellationToken cancel)
    {
        var options = new GradeOptions();
        var tests = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        var steps = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        var gpuOnly = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var learnerFiles = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var chapters = Chapter.All(repo);
        var builds = await Builder.BuildAllAsync(repo, chapters, options, cancel).ConfigureAwait(false);
        foreach (var chapter in chapters)
        {
            var build = builds[chapter.Id];
            if (!build.Succeeded)
                throw new GraderException($"{chapter.Id} does not build, so its tests cannot be listed: " +
                                          (build.Problem ?? (build.Errors.Count > 0 ? build.Errors[0].ToString() : "")));
            var listed = await TestHost.ListTestsAsync(repo, build.TestAssembly!, cancel).ConfigureAwait(false);
            tests[chapter.Id] = new SortedDictionary<string, int>(listed.ToDictionary(t => t.Name, t => t.Points), StringComparer.Ordinal);
            steps[chapter.Id] = new SortedDictionary<string, int>(listed.Where(t => t.Step is not null)
                .ToDictionary(t => t.Name, t => t.Step!.Value), StringComparer.Ordinal);
            learnerFiles[chapter.Id] = new SortedSet<string>(Hints.Files(chapter).Yours, StringComparer.Ordinal);
            if (listed.Any(t => t.GpuOnly)) gpuOnly[chapter.Id] = new SortedSet<string>(listed.Where(t => t.GpuOnly).Select(t => t.Name), StringComparer.Ordinal);
        }
        return new TestManifest(TestManifest.SchemaId, TestManifest.HashAll(repo), tests, steps, gpuOnly, learnerFiles);
    }
}
