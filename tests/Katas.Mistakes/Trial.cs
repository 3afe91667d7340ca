using System.Globalization;
using System.Xml.Linq;
using Katas.Tooling;

namespace Katas.Mistakes;

/// <summary>What became of one mistake.</summary>
public enum Verdict
{
    /// <summary>The named test failed and its message holds the words: the tests teach this one.</summary>
    Caught,
    /// <summary>The named test passed with the mistake in place.</summary>
    Survived,
    /// <summary>The test failed, but its message does not name the mistake (a native trace, a bare assertion).</summary>
    CaughtWithoutWords,
    /// <summary>The catalogue entry is wrong: the diff does not apply, the code does not compile, the test does not exist.</summary>
    Broken,
}

public sealed record TrialResult(Mistake Mistake, Verdict Verdict, string Detail, TimeSpan Duration);

/// <summary>
/// Tries the mistakes of one chapter: a copy of the chapter's solutions under
/// artifacts/katas/mistakes/ (the build's KataSolutionRoot), built once on the solutions track
/// into its own output folder (debug_mistakes, so the real builds are never touched); then one
/// mistake at a time applied to it, compiled in-process over that build's assembly
/// (<see cref="Compiler"/>), and only the named test run.
/// </summary>
public sealed class Trial(string repo, Action<string> log)
{
    static readonly TimeSpan BuildLimit = TimeSpan.FromMinutes(5);
    static readonly TimeSpan TestLimit = TimeSpan.FromMinutes(5);
    const string Pivot = "debug_mistakes";

    string Root => Path.Combine(repo, "artifacts", "katas", "mistakes") + Path.DirectorySeparatorChar;

    public async Task<IReadOnlyList<TrialResult>> RunAsync(string chapter, IReadOnlyList<Mistake> mistakes, CancellationToken cancel)
    {
        var project = Directory.EnumerateFiles(Path.Combine(repo, "exercises", chapter), "*.csproj").Single();
        var solutions = Path.Combine(repo, "solutions", chapter);
        var copy = Path.Combine(Root, chapter);
        var inputs = Path.Combine(Root, chapter + ".compile.txt");
        var results = new List<TrialResult>();

        // One MSBuild build of the untouched solution: the test runner, its dependencies and the
        // compiler's inputs. Every mistake is then compiled in-process from those inputs.
        log($"building {chapter} (the solution, once)");
        Fresh(solutions, copy);
        var build = await BuildAsync(project, inputs, cancel);
        Compiler? compiler = null;
        var problem = build.Ok ? null : "the untouched solution does not build:\n" + build.Errors;
        if (problem is null)
        {
            try { compiler = new Compiler(inputs); }
            catch (Exception e) when (e is CatalogueException or IOException) { problem = e.Message; }
        }
        foreach (var mistake in mistakes)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            log($"{mistake.Name}: {mistake.Title}");
            (Verdict, string) outcome;
            try
            {
                if (compiler is null) throw new CatalogueException(problem!);
                Fresh(solutions, copy);
                var target = Path.Combine(copy, mistake.File);
                if (!File.Exists(target)) throw new CatalogueException($"{mistake.Name}: solutions/{chapter}/{mistake.File} does not exist");
                await File.WriteAllTextAsync(target, mistake.ApplyTo(await File.ReadAllTextAsync(target, cancel)), cancel);
                var errors = compiler.Compile();
                outcome = errors.Count > 0 ? (Verdict.Broken, "it does not compile:\n" + string.Join('\n', errors))
                    : await TestAsync(mistake, compiler.Output, copy, cancel);
            }
            catch (CatalogueException e) { outcome = (Verdict.Broken, e.Message); }
            results.Add(new TrialResult(mistake, outcome.Item1, outcome.Item2, watch.Elapsed));
            log($"  {Words(outcome.Item1)} ({watch.Elapsed.TotalSeconds:0.0} s){(outcome.Item1 == Verdict.Caught ? "" : ": " + outcome.Item2)}");
        }
        Fresh(solutions, copy);
        return results;
    }

    public static string Words(Verdict verdict) => verdict switch
    {
        Verdict.Caught => "caught",
        Verdict.Survived => "SURVIVED",
        Verdict.CaughtWithoutWords => "CAUGHT WITHOUT ITS WORDS",
        _ => "BROKEN ENTRY",
    };

    static void Fresh(string from, string to)
    {
        if (Directory.Exists(to)) Directory.Delete(to, recursive: true);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj")) continue;
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    async Task<(bool Ok, string Errors)> BuildAsync(string project, string inputs, CancellationToken cancel)
    {
        var output = new List<string>();
        string[] args =
        [
            "build", project, "--no-restore", "-nologo", "-v:q", "-clp:NoSummary",
            "-p:KataTrack=solutions", $"-p:KataSolutionRoot={Root}", $"-p:ArtifactsPivots={Pivot}",
            "-p:TreatWarningsAsErrors=false", "-p:RunAnalyzers=false", "-p:KatasRecordCompile=true", $"-p:KatasCompileInputs={inputs}",
        ];
        var run = await ProcessRunner.RunAsync("dotnet", args, repo, null, BuildLimit, line => { lock (output) output.Add(line); }, cancel);
        var errors = output.Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().Take(8).ToList();
        return (run.ExitCode == 0 && !run.TimedOut && File.Exists(inputs),
            run.TimedOut ? "the build ran out of time" : string.Join('\n', errors.Count > 0 ? errors : output.TakeLast(8)));
    }

    async Task<(Verdict, string)> TestAsync(Mistake mistake, string assembly, string copy, CancellationToken cancel)
    {
        var xml = Path.Combine(copy, "..", mistake.Chapter + ".xml");
        if (File.Exists(xml)) File.Delete(xml);
        var (cls, method) = mistake.TestParts;
        var filter = cls.Length == 0 ? $"*.{method}" : $"*.{cls}.{method}";
        var env = new Dictionary<string, string?> { ["KATAS_DEVICE"] = "cpu" };
        var run = await ProcessRunner.RunAsync("dotnet", [assembly, "-method", filter, "-xml", xml, "-noColor", "-noLogo"],
            repo, env, TestLimit, _ => { }, cancel, ownProcessGroup: true);
        if (run.TimedOut) return (Verdict.CaughtWithoutWords, $"the test ran past {TestLimit.TotalMinutes.ToString(CultureInfo.InvariantCulture)} minutes");
        if (!File.Exists(xml)) return (Verdict.Broken, "the test process wrote no results: " + run.StandardError.Trim().Split('\n').LastOrDefault());
        var tests = XDocument.Load(xml).Descendants("test").ToList();
        if (tests.Count == 0) return (Verdict.Broken, $"no test {mistake.Test} in {mistake.Chapter}");
        var failed = tests.Where(t => (string?)t.Attribute("result") == "Fail").ToList();
        if (failed.Count == 0)
            return (Verdict.Survived, $"{mistake.Test} {(tests.All(t => (string?)t.Attribute("result") == "Skip") ? "was skipped" : "passed")} with the mistake in place");
        // xunit writes a quotation mark inside a message as \" ; the words are compared with the text as the learner reads it.
        var messages = failed.Select(t => (t.Element("failure")?.Element("message")?.Value ?? "").Replace("\\\"", "\"", StringComparison.Ordinal)).ToList();
        if (messages.Any(m => m.Contains(mistake.Words, StringComparison.OrdinalIgnoreCase))) return (Verdict.Caught, "");
        var first = messages[0].ReplaceLineEndings(" ");
        return (Verdict.CaughtWithoutWords, $"{mistake.Test} failed, but its message does not say \"{mistake.Words}\": {(first.Length > 400 ? first[..400] + " ..." : first)}");
    }
}
