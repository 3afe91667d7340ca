using System.Xml.Linq;
using Katas.Grader.Running;
using Katas.Kit;

namespace Katas.Grader.Tests.Steps;

/// <summary>
/// Walks a chapter's README steps on the solutions track: one build in which every member a stub
/// leaves to step n is gated (<see cref="StepGate"/>), then, for each step k, the chapter's
/// [Step(k)] tests run with the gate at k: steps 1..k done as the solution does them, the later
/// ones still stubs. Each test runs once, in the state its step promises; the cost is one build
/// and about one run of the chapter's tests, plus a test-process start per step.
/// </summary>
public static class StepWalk
{
    public sealed record Outcome(string Test, int Step, string Result, string? Message);

    public sealed record Report(string Chapter, IReadOnlyList<int> ReadmeSteps, IReadOnlyList<int> GatedSteps, IReadOnlyList<Outcome> Tests);

    public static async Task<Report> RunAsync(string repo, Chapter chapter, CancellationToken cancel)
    {
        var solutions = Path.Combine(repo, "solutions", chapter.Id);
        var gatedDir = Path.Combine(repo, "artifacts", "katas", "steps", chapter.Id);
        if (Directory.Exists(gatedDir)) Directory.Delete(gatedDir, recursive: true);
        var gatedSteps = new SortedSet<int>();
        foreach (var file in Directory.EnumerateFiles(solutions, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(solutions, file);
            var stub = Path.Combine(chapter.Folder, relative);
            var target = Path.Combine(gatedDir, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (!File.Exists(stub)) { File.Copy(file, target); continue; }
            var gated = StepGate.Apply(await File.ReadAllTextAsync(stub, cancel), await File.ReadAllTextAsync(file, cancel));
            gatedSteps.UnionWith(gated.Steps);
            await File.WriteAllTextAsync(target, gated.Source, cancel);
        }

        var assembly = await BuildAsync(repo, chapter, gatedDir, cancel);
        var readmeSteps = Hints.ReadmeSteps(chapter);
        var outcomes = new List<Outcome>();
        foreach (var step in readmeSteps)
        {
            var xml = Path.Combine(gatedDir, $"step-{step}.xml");
            var env = new Dictionary<string, string?> { [StepGate.Variable] = step.ToString(System.Globalization.CultureInfo.InvariantCulture), ["KATAS_DEVICE"] = "cpu" };
            await ProcessRunner.RunAsync("dotnet", [assembly, "-trait", $"Step={step}", "-xml", xml, "-noColor", "-noLogo"], repo, env,
                TimeSpan.FromMinutes(10), _ => { }, cancel).ConfigureAwait(false);
            if (!File.Exists(xml)) { outcomes.Add(new("(the test process wrote no results)", step, "Fail", null)); continue; }
            outcomes.AddRange(XDocument.Load(xml).Descendants("test").Select(t => new Outcome(
                (string?)t.Attribute("name") ?? "?", step, (string?)t.Attribute("result") ?? "?",
                t.Element("failure")?.Element("message")?.Value ?? t.Element("reason")?.Value)));
        }
        return new(chapter.Id, readmeSteps, [.. gatedSteps], outcomes);
    }

    static async Task<string> BuildAsync(string repo, Chapter chapter, string gatedDir, CancellationToken cancel)
    {
        var output = new List<string>();
        var outcome = await ProcessRunner.RunAsync("dotnet",
            ["build", chapter.Project, "-nologo", "-v:q", "-clp:NoSummary", "-nodeReuse:false",
             "-p:KataTrack=solutions", $"-p:KataSolutionDir={gatedDir}{Path.DirectorySeparatorChar}", "-p:ArtifactsPivots=debug_steps",
             "-p:TreatWarningsAsErrors=false", "-p:RunAnalyzers=false", "-t:Build", "-getProperty:TargetPath"],
            repo, null, TimeSpan.FromMinutes(10), line => { lock (output) output.Add(line); }, cancel, drainAfterExit: TimeSpan.FromSeconds(1))
            .ConfigureAwait(false);
        string? target;
        lock (output) target = output.LastOrDefault(l => l.Trim().EndsWith(".dll", StringComparison.OrdinalIgnoreCase))?.Trim();
        if (outcome.ExitCode != 0 || target is null || !File.Exists(target))
            throw new InvalidOperationException($"the gated build of {chapter.Id} failed:\n{string.Join('\n', output.TakeLast(20))}\n{outcome.StandardError}");
        return target;
    }
}
