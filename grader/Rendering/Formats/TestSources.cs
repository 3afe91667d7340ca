using Katas.Grader.Layout;
using Katas.Grader.Model;
using Katas.Grader.Running;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Katas.Grader.Rendering.Formats;

/// <summary>Where a test is written and what it does: its file (relative to the course, '/'), line and body.</summary>
/// <param name="Order">Its place in the chapter's tests as written: files by name, then methods top to bottom.</param>
public sealed record TestSource(string File, int Line, string Code, int Order);

/// <summary>
/// The test methods of a course, read at render time from the chapters' test files (Roslyn's parser
/// only: nothing is compiled or run), for the formats that show a test's code or place (Exercism's
/// <c>test_code</c> and file order, Classroom's <c>filename</c>/<c>line_no</c>). The result model does
/// not carry them: the test process reports names, not sources, and renderers never run anything.
/// <para>
/// The files read are the trusted copy's when the run used one (<see cref="TamperReport.TrustedTests"/>):
/// those are the tests that ran, whatever the submission's own say. Hidden tests are never looked up.
/// Only regular files are read (no links, devices or pipes), each at most <see cref="MaxFileBytes"/>.
/// </para>
/// </summary>
public sealed class TestSources
{
    public const long MaxFileBytes = 1 << 20;
    /// <summary>A test's code is cut at this length (a test is a page, not a file).</summary>
    public const int MaxCodeChars = 4000;
    /// <summary>Where an instructor's hidden tests go in a chapter (Tests/Hidden/): never read here.</summary>
    const string HiddenFolder = "Hidden";

    readonly string? _root;
    readonly Dictionary<string, IReadOnlyDictionary<string, TestSource>> _chapters = new(StringComparer.Ordinal);

    TestSources(string? root) => _root = root;

    /// <summary>Knows nothing: every lookup is null.</summary>
    public static TestSources None { get; } = new(null);

    /// <summary>The course whose tests ran: the trusted copy, else <paramref name="courseRoot"/>, else the course around the current folder.</summary>
    public static TestSources For(GradeResult result, string? courseRoot) =>
        new(result.Tamper.TrustedTests ?? courseRoot ?? FindCourse());

    /// <summary>The course at <paramref name="courseRoot"/> (a folder holding exercises/).</summary>
    public static TestSources At(string courseRoot) => new(courseRoot);

    public string? Root => _root;

    /// <summary>The test's source, or null: a hidden test, no course, no such method.</summary>
    public TestSource? Find(ChapterResult chapter, TestResult test)
    {
        if (test.Hidden || _root is null) return null;
        var all = Chapter(chapter.Id);
        var method = test.Method.IndexOf('(', StringComparison.Ordinal) is var open and > 0 ? test.Method[..open] : test.Method;
        return all.GetValueOrDefault(test.Class.Length == 0 ? method : $"{test.Class}.{method}");
    }

    /// <summary>The chapter's tests as written (file order); those without a source keep their order, after them.</summary>
    public IReadOnlyList<TestResult> InFileOrder(ChapterResult chapter, IEnumerable<TestResult> tests) =>
        tests.Select((t, i) => (t, i, s: Find(chapter, t)))
            .OrderBy(x => x.s is null ? 1 : 0).ThenBy(x => x.s?.Order ?? 0).ThenBy(x => x.i)
            .Select(x => x.t).ToList();

    IReadOnlyDictionary<string, TestSource> Chapter(string id)
    {
        if (_chapters.TryGetValue(id, out var known)) return known;
        var found = new Dictionary<string, TestSource>(StringComparer.Ordinal);
        var folder = Path.Combine(_root!, Course.ExercisesFolder, id, Course.TestsFolder);
        if (Directory.Exists(folder))
        {
            var options = new EnumerationOptions
            {
                RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true,
            };
            var files = Directory.EnumerateFiles(folder, "*.cs", options)
                .Where(f => !Path.GetRelativePath(folder, f).Replace('\\', '/').StartsWith(HiddenFolder + "/", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).ToList();
            var order = 0;
            foreach (var file in files)
            {
                if (FileKind.Of(file) != FileKind.Kind.Regular || new FileInfo(file).Length > MaxFileBytes) continue;
                string text;
                try { text = File.ReadAllText(file); }
                catch (IOException) { continue; }
                catch (UnauthorizedAccessException) { continue; }
                var relative = Path.GetRelativePath(_root!, file).Replace('\\', '/');
                var root = CSharpSyntaxTree.ParseText(text).GetRoot();
                foreach (var method in root.DescendantNodes().OfType<MethodDeclarationSyntax>().Where(IsTest))
                {
                    var name = FullName(method);
                    var line = method.Identifier.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    found.TryAdd(name, new TestSource(relative, line, Body(method, text), order++));
                }
            }
        }
        return _chapters[id] = found;
    }

    /// <summary>A method with an attribute named like xunit's [Fact] or [Theory] (or one derived from them, [GpuFact]).</summary>
    static bool IsTest(MethodDeclarationSyntax method) =>
        method.AttributeLists.SelectMany(l => l.Attributes).Select(a => a.Name.ToString().Split('.')[^1])
            .Select(n => n.EndsWith("Attribute", StringComparison.Ordinal) ? n[..^"Attribute".Length] : n)
            .Any(n => n.EndsWith("Fact", StringComparison.Ordinal) || n.EndsWith("Theory", StringComparison.Ordinal));

    /// <summary>Namespace.Class.Method, nested types included: the name xunit reports.</summary>
    static string FullName(MethodDeclarationSyntax method)
    {
        var names = new List<string> { method.Identifier.Text };
        for (SyntaxNode? node = method.Parent; node is not null; node = node.Parent)
            switch (node)
            {
                case TypeDeclarationSyntax type: names.Insert(0, type.Identifier.Text); break;
                case BaseNamespaceDeclarationSyntax ns: names.Insert(0, ns.Name.ToString()); break;
            }
        return string.Join(".", names);
    }

    /// <summary>
    /// The body without its braces, its common indentation removed: what Exercism's interface calls
    /// the test's code ("the body of the command that is being tested").
    /// </summary>
    internal static string Body(MethodDeclarationSyntax method, string text)
    {
        string code;
        if (method.ExpressionBody is { } arrow) code = arrow.Expression.ToString() + ";";
        else if (method.Body is { Statements.Count: > 0 } block)
        {
            var first = block.Statements[0].GetLeadingTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia));
            var start = first == default ? block.Statements[0].SpanStart : first.SpanStart;
            var end = block.Statements[^1].Span.End;
            // From the start of the first statement's line, so that its indentation is like the others'.
            var lineStart = text.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
            if (lineStart < block.OpenBraceToken.Span.End) lineStart = start;
            code = Dedent(text[lineStart..end]);
        }
        else code = "";
        return code.Length <= MaxCodeChars ? code : code[..(MaxCodeChars - 1)] + "…";
    }

    static string Dedent(string code)
    {
        var lines = code.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..].TrimEnd() : l.Trim())).Trim('\n');
    }

    /// <summary>The course around the current folder, found the one way every command finds it (<see cref="Course.Find"/>), or null.</summary>
    static string? FindCourse()
    {
        try { return Course.Find(null).Root; }
        catch (GraderException) { return null; }
    }
}
