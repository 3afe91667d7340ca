using Katas.Grader.Layout;
using Katas.Grader.Model;

namespace Katas.Grader.Running;

/// <summary>
/// An instructor's hidden tests: DIR/&lt;chapter id&gt;/*.cs (same conventions as the chapter's tests,
/// [Points] included), compiled into each chapter at grading time (in a workspace, never into the
/// submission itself) under Tests/Hidden/. Students see only "hidden test failed" unless the
/// instructor asks for the details.
/// </summary>
public static class HiddenTests
{
    public const string Folder = "Hidden";

    /// <summary>Copies DIR/CHAPTER/**.cs into the workspace's chapters; returns how many files.</summary>
    public static int CopyInto(string workspace, string extraTests)
    {
        if (!Directory.Exists(extraTests)) throw new GraderException($"--extra-tests {extraTests}: no such folder.");
        var copied = 0;
        foreach (var chapter in Chapter.All(workspace))
        {
            var source = Path.Combine(extraTests, chapter.Id);
            if (!Directory.Exists(source)) continue;
            foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories))
            {
                var target = Path.Combine(Course.TestsOf(chapter), Folder, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target, overwrite: true);
                copied++;
            }
        }
        var unknown = Directory.GetDirectories(extraTests).Select(Path.GetFileName)
            .Where(d => Chapter.All(workspace).All(c => c.Id != d)).ToList();
        if (unknown.Count > 0)
            throw new GraderException($"--extra-tests: no chapter named {string.Join(", ", unknown)} (folders must be named like exercises/, e.g. 01-SimpleClassifier).");
        return copied;
    }

    /// <summary>
    /// The hidden tests of a workspace's chapter and their points, read from the instructor's files
    /// themselves (Tests/Hidden/**.cs; trusted), never from what the test process reports: each
    /// method with a [Fact]/[Theory]-like attribute, named Namespace.Class.Method, worth its
    /// [Points(n)] (1 without one).
    /// </summary>
    public static IReadOnlyDictionary<string, int> Listed(Chapter chapter)
    {
        var folder = Path.Combine(Course.TestsOf(chapter), Folder);
        var tests = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!Directory.Exists(folder)) return tests;
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
        {
            var root = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
            foreach (var method in root.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>())
            {
                var attributes = method.AttributeLists.SelectMany(l => l.Attributes).ToList();
                string Last(Microsoft.CodeAnalysis.CSharp.Syntax.AttributeSyntax a) => a.Name.ToString().Split('.')[^1].Replace("Attribute", "", StringComparison.Ordinal);
                if (!attributes.Any(a => Last(a).EndsWith("Fact", StringComparison.Ordinal) || Last(a).EndsWith("Theory", StringComparison.Ordinal))) continue;
                var points = attributes.FirstOrDefault(a => Last(a) == "Points")?.ArgumentList?.Arguments.FirstOrDefault()?.ToString() is { } p
                    && int.TryParse(p, out var n) && n > 0 ? n : 1;
                var names = new List<string> { method.Identifier.Text };
                for (Microsoft.CodeAnalysis.SyntaxNode? node = method.Parent; node is not null; node = node.Parent)
                    switch (node)
                    {
                        case Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax type: names.Insert(0, type.Identifier.Text); break;
                        case Microsoft.CodeAnalysis.CSharp.Syntax.BaseNamespaceDeclarationSyntax ns: names.Insert(0, ns.Name.ToString()); break;
                    }
                tests[string.Join(".", names)] = points;
            }
        }
        return tests;
    }

    /// <summary>True for a test whose source file lies under a chapter's Tests/Hidden/.</summary>
    public static bool IsHidden(string? sourceFile) =>
        sourceFile is not null && sourceFile.Replace('\\', '/').Contains($"/Tests/{Folder}/", StringComparison.Ordinal);

    /// <summary>The student's view: hidden tests keep their points and pass/fail, nothing else.</summary>
    public static ChapterResult Mask(ChapterResult chapter)
    {
        var n = 0;
        var tests = chapter.Tests.Select(t => !t.Hidden ? t : t with
        {
            Name = $"Hidden.Test{++n}", Class = "Hidden", Method = $"Hidden_test_{n}",
            Message = t.Status switch
            {
                TestStatus.Passed => null,
                TestStatus.Skipped => "hidden test skipped",
                _ => "hidden test failed",
            },
            ExceptionType = null, Location = null, Output = null,
        }).ToList();
        return chapter with { Tests = tests };
    }
}
