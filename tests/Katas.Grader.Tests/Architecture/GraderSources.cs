using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Katas.Grader.Tests.Architecture;

/// <summary>
/// The grader's own sources, compiled here with Roslyn against the assemblies it references (they sit
/// beside this test assembly), so that the architecture tests read what each file really refers to.
/// </summary>
internal static class GraderSources
{
    public static string Folder => Path.Combine(FixtureCourse.Repo, "grader");

    static readonly CSharpParseOptions Parse = new(LanguageVersion.Preview);

    static readonly Lazy<CSharpCompilation> Compiled = new(() =>
    {
        var trees = Directory.EnumerateFiles(Folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Layout.LearnerFiles.InSkippedFolder(Path.GetRelativePath(Folder, f)))
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), Parse, path: f))
            // The SDK's implicit usings, as the grader's build generates them.
            .Append(CSharpSyntaxTree.ParseText(string.Join("\n", new[] { "System", "System.Collections.Generic", "System.IO", "System.Linq",
                "System.Net.Http", "System.Threading", "System.Threading.Tasks" }.Select(n => $"global using {n};")), Parse));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll"))
            .Where(p => Path.GetFileName(p) != "katas.dll")
            .GroupBy(Path.GetFileName).Select(g => MetadataReference.CreateFromFile(g.First()));
        return CSharpCompilation.Create("katas-architecture", trees, references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));
    });

    public static CSharpCompilation Compilation => Compiled.Value;

    /// <summary>Katas.Grader.Running.Workspace's area: "Running" (Rendering.Formats counts as Rendering); null for the root namespace.</summary>
    public static string? AreaOf(INamespaceSymbol? ns)
    {
        var name = ns?.ToDisplayString() ?? "";
        if (!name.StartsWith("Katas.Grader.", StringComparison.Ordinal)) return null;
        return name["Katas.Grader.".Length..].Split('.')[0];
    }

    /// <summary>For every file: its area, and each area of the grader a name in it refers to.</summary>
    public static IEnumerable<(string File, string Area, string Uses, string Symbol)> References()
    {
        foreach (var tree in Compilation.SyntaxTrees.Where(t => t.FilePath.Length > 0))
        {
            var model = Compilation.GetSemanticModel(tree);
            var root = tree.GetRoot();
            var declared = root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault();
            if (declared is null) continue; // Program.cs: the entry point, above every area
            var area = AreaOf(model.GetDeclaredSymbol(declared) as INamespaceSymbol);
            if (area is null) continue;
            foreach (var name in root.DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var symbol = model.GetSymbolInfo(name).Symbol;
                var type = symbol as INamedTypeSymbol ?? symbol?.ContainingType;
                while (type?.ContainingType is { } outer) type = outer;
                if (type is null) continue;
                var uses = AreaOf(type.ContainingNamespace);
                if (uses is not null && uses != area)
                    yield return (Path.GetRelativePath(Folder, tree.FilePath), area, uses, type.ToDisplayString());
            }
        }
    }
}
