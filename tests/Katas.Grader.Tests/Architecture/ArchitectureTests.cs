using Katas.Grader.Layout;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Katas.Grader.Tests.Architecture;

/// <summary>
/// The grader's shape, as docs/grader.md draws it: areas (namespaces) that depend on each other one
/// way only, one owner for the course's layout, and no libtorch.
/// </summary>
public sealed class ArchitectureTests
{
    [Fact]
    public void The_grader_compiles_here_so_that_these_tests_read_real_references()
    {
        // CS8795: the [GeneratedRegex] methods, whose other half a source generator writes at build time.
        var errors = GraderSources.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS8795").Take(5).ToList();
        errors.ShouldBeEmpty(string.Join("\n", errors));
        GraderSources.References().Count().ShouldBeGreaterThan(100, "the areas refer to each other: the walk must see it");
    }

    [Fact]
    public void No_two_areas_of_the_grader_depend_on_each_other_even_through_others()
    {
        var edges = GraderSources.References().GroupBy(r => (r.Area, r.Uses))
            .ToDictionary(g => g.Key, g => g.First());
        var graph = edges.Keys.GroupBy(e => e.Area).ToDictionary(g => g.Key, g => g.Select(e => e.Uses).ToHashSet());
        foreach (var start in graph.Keys)
        {
            // Depth-first from each area: reaching it again is a cycle; the message names a file per edge.
            var path = FindCycle(start, start, graph, []);
            if (path is null) continue;
            var steps = path.Zip(path.Skip(1)).Select(e => edges[(e.First, e.Second)])
                .Select(r => $"{r.Area} -> {r.Uses} ({r.File} uses {r.Symbol})");
            Assert.Fail($"the grader's areas depend on each other in a circle:\n  {string.Join("\n  ", steps)}");
        }
    }

    static List<string>? FindCycle(string start, string at, Dictionary<string, HashSet<string>> graph, List<string> path)
    {
        path = [.. path, at];
        foreach (var next in graph.GetValueOrDefault(at) ?? [])
        {
            if (next == start) return [.. path, next];
            if (path.Contains(next)) continue;
            if (FindCycle(start, next, graph, path) is { } found) return found;
        }
        return null;
    }

    [Fact]
    public void A_detected_cycle_is_reported_so_the_check_can_fail()
    {
        var graph = new Dictionary<string, HashSet<string>> { ["Running"] = ["Rendering"], ["Rendering"] = ["Model", "Running"] };
        FindCycle("Running", "Running", graph, []).ShouldBe(["Running", "Rendering", "Running"]);
        FindCycle("Model", "Model", graph, []).ShouldBeNull();
    }

    /// <summary>Literals that spell a part of the course's layout, which only Course may know.</summary>
    static readonly HashSet<string> LayoutWords =
    [
        Course.ExercisesFolder, Course.SolutionsFolder, Course.Solution, Course.WorkFolderPath, Course.ArtifactsFolder, Course.OutFolder,
        Course.DataCachePath, Course.DatasetsManifestPath, Course.TestManifestPath, "tests-manifest.json", Course.ProbeProject,
        Course.KitTestingFolder, Course.BootstrapScript, Course.TestsFolder, Course.ReadmeFile, Course.HintsFile, "data/cache", "cache",
    ];

    /// <summary>Files that may spell them, and why.</summary>
    static readonly Dictionary<string, string> Allowed = new()
    {
        ["Layout/Course.cs"] = "the owner",
        ["Layout/LearnerFiles.cs"] = "the learner-file rule: the folders a submission never brings (bin, obj, out, cache, ...)",
        ["Running/GradeOptions.cs"] = "the track names, the command line's words: exercises and solutions (named after their folders)",
        ["Instructor/SolutionsBranch.cs"] = "the default name of the branch it makes, \"solutions\"",
        ["Rendering/ConsoleReport.cs"] = "the column header \"Tests\"",
    };

    [Fact]
    public void Only_Course_spells_the_course_layout()
    {
        var offenders = new List<string>();
        foreach (var tree in GraderSources.Compilation.SyntaxTrees.Where(t => t.FilePath.Length > 0))
        {
            var file = Path.GetRelativePath(GraderSources.Folder, tree.FilePath).Replace('\\', '/');
            if (Allowed.ContainsKey(file)) continue;
            foreach (var literal in tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>()
                         .Where(l => l.IsKind(SyntaxKind.StringLiteralExpression)))
                if (LayoutWords.Contains(literal.Token.ValueText))
                    offenders.Add($"{file}:{literal.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: \"{literal.Token.ValueText}\"");
        }
        offenders.ShouldBeEmpty($"use Course's members or constants instead:\n{string.Join("\n", offenders)}");
    }

    [Fact]
    public void The_grader_references_no_TorchSharp()
    {
        var project = System.Xml.Linq.XDocument.Load(Path.Combine(GraderSources.Folder, "Katas.Grader.csproj"));
        project.Descendants().Where(e => e.Name.LocalName is "UsesTorchSharp").ShouldBeEmpty();
        var assets = Path.Combine(GraderSources.Folder, "packages.lock.json");
        File.ReadAllText(assets).ShouldNotContain("TorchSharp", Case.Insensitive, "not even through a project it references");
        // What the built grader loads at run time: its dependency file lists every assembly it may load.
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "katas.deps.json")).ShouldNotContain("TorchSharp", Case.Insensitive);
    }
}
