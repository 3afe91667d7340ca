using System.Xml.Linq;
using Katas.Grader.Layout;
using Katas.Grader.Running;
using Katas.Kit;
using Katas.Tooling;

namespace Katas.Grader.EndToEnd.Steps;

/// <summary>
/// Walks the chapters' README steps on the solutions track: every member a stub leaves to step n
/// is gated (<see cref="StepGate"/>), the gated chapters are built together (one `dotnet build`),
/// then each chapter's tests run once, in step order, each test with the gate at its own step:
/// steps 1..k done as the solution does them, the later ones still stubs. The last step's tests
/// are left out: with every step open the gated build is the solution, which the chapter's own
/// test project runs in the same test command. The cost: one build, one test process per chapter.
/// </summary>
public sealed class StepWalk : IAsyncLifetime
{
    public sealed record Outcome(string Test, int Step, string Result, string? Message);

    public sealed record Report(string Chapter, IReadOnlyList<int> ReadmeSteps, IReadOnlyList<int> GatedSteps, IReadOnlyList<Outcome> Tests)
    {
        /// <summary>The step whose tests the walk leaves to the chapter's own run (every step is open there).</summary>
        public int LastStep => ReadmeSteps.Count == 0 ? 0 : ReadmeSteps.Max();
    }

    static string Repo => FixtureCourse.Repo;

    /// <summary>Where the gated copies of the solutions go: the build's solutions root (KataSolutionRoot).</summary>
    static string GatedRoot => Path.Combine(Repo, "artifacts", "katas", "steps") + Path.DirectorySeparatorChar;

    readonly Dictionary<string, IReadOnlyList<int>> _gatedSteps = [];
    readonly Dictionary<string, string> _problems = [];
    IReadOnlyDictionary<string, Builder.Outcome> _builds = new Dictionary<string, Builder.Outcome>();

    public async ValueTask InitializeAsync()
    {
        var cancel = TestContext.Current.CancellationToken;
        if (Directory.Exists(GatedRoot)) Directory.Delete(GatedRoot, recursive: true);
        var chapters = Chapter.All(Repo);
        foreach (var chapter in chapters)
        {
            try { _gatedSteps[chapter.Id] = await GateAsync(chapter, cancel); }
            catch (InvalidOperationException e) { _problems[chapter.Id] = e.Message; }
        }
        _builds = await Builder.BuildAllAsync(Repo, [.. chapters.Where(c => _gatedSteps.ContainsKey(c.Id))],
            new GradeOptions { Track = "solutions" }, cancel, new Dictionary<string, string>
            {
                ["KataSolutionRoot"] = GatedRoot, ["ArtifactsPivots"] = "debug_steps",
                ["TreatWarningsAsErrors"] = "false", ["RunAnalyzers"] = "false",
            });
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    // The solution's files with the stub's TODO members gated, and the generated gate beside them.
    static async Task<IReadOnlyList<int>> GateAsync(Chapter chapter, CancellationToken cancel)
    {
        var solutions = Path.Combine(Repo, "solutions", chapter.Id);
        var gatedDir = Path.Combine(GatedRoot, chapter.Id);
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
        await File.WriteAllTextAsync(Path.Combine(gatedDir, "StepWalkGate.g.cs"), StepGate.GateSource, cancel);
        return [.. gatedSteps];
    }

    /// <summary>Runs the chapter's gated tests, all but the last step's, in one process.</summary>
    public async Task<Report> RunAsync(Chapter chapter, CancellationToken cancel)
    {
        if (_problems.TryGetValue(chapter.Id, out var problem)) throw new InvalidOperationException($"{chapter.Id} cannot be gated: {problem}");
        var build = _builds[chapter.Id];
        if (!build.Succeeded)
            throw new InvalidOperationException($"the gated build of {chapter.Id} failed: {build.Problem}\n{string.Join('\n', build.Errors.Take(20))}");

        var readmeSteps = Hints.ReadmeSteps(chapter);
        var xml = Path.Combine(GatedRoot, chapter.Id, "steps.xml");
        var env = new Dictionary<string, string?> { ["KATAS_DEVICE"] = "cpu" };
        string[] args = [build.TestAssembly!, "-xml", xml, "-noColor", "-noLogo"];
        if (readmeSteps.Count > 0)
            args = [.. args, "-trait-", $"Step={readmeSteps.Max().ToString(System.Globalization.CultureInfo.InvariantCulture)}"];
        await ProcessRunner.RunAsync("dotnet", args, Repo, env, TimeSpan.FromMinutes(10), _ => { }, cancel).ConfigureAwait(false);
        IReadOnlyList<Outcome> outcomes = !File.Exists(xml) ? [new("(the test process wrote no results)", 0, "Fail", null)]
            : [.. XDocument.Load(xml).Descendants("test").Select(t => new Outcome(
                (string?)t.Attribute("name") ?? "?", StepOf(t), (string?)t.Attribute("result") ?? "?",
                t.Element("failure")?.Element("message")?.Value ?? t.Element("reason")?.Value))];
        return new(chapter.Id, readmeSteps, _gatedSteps[chapter.Id], outcomes);
    }

    static int StepOf(XElement test) =>
        test.Element("traits")?.Elements("trait").FirstOrDefault(t => (string?)t.Attribute("name") == "Step")?.Attribute("value") is { } v
            ? int.Parse(v.Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
}
