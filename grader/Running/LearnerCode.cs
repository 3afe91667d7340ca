using Katas.Grader.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Katas.Grader.Running;

/// <summary>
/// What the banned-API analyzer (eng/BannedSymbols.txt) cannot express, checked in the learner's
/// files before a chapter is built: constructs, not APIs. Each finding is reported like a compile
/// error (file, line, a KATAS code and why), and the chapter is not built or run.
/// </summary>
public static class LearnerCode
{
    public const string AssemblyAttribute = "KATAS001", NativeCode = "KATAS002", UnsafeCode = "KATAS003",
        TestFramework = "KATAS004", Suppression = "KATAS005";

    static readonly CSharpParseOptions Parse = new(LanguageVersion.Preview, DocumentationMode.None);

    /// <summary>The learner's files of a chapter in this track: the chapter's .cs files outside Tests/
    /// (and, for the solutions track, the reference solutions that replace them).</summary>
    public static IEnumerable<string> Files(string repo, Chapter chapter, string track)
    {
        IEnumerable<string> Under(string folder) => !Directory.Exists(folder) ? []
            : Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Where(f =>
                !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar).Any(p => p is "Tests" or "bin" or "obj"));
        var files = Under(chapter.Folder);
        return track == "solutions" ? files.Concat(Under(Path.Combine(repo, "solutions", chapter.Id))) : files;
    }

    public static IReadOnlyList<BuildError> Check(string repo, Chapter chapter, string track)
    {
        var errors = new List<BuildError>();
        foreach (var file in Files(repo, chapter, track).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(repo, file).Replace('\\', '/');
            errors.AddRange(CheckSource(File.ReadAllText(file), relative));
        }
        return errors;
    }

    /// <summary>The findings in one file's text; <paramref name="path"/> is only for the messages.</summary>
    public static IEnumerable<BuildError> CheckSource(string source, string path)
    {
        var root = CSharpSyntaxTree.ParseText(source, Parse, path).GetRoot();
        BuildError At(SyntaxNodeOrToken where, string code, string why)
        {
            var line = where.GetLocation()!.GetLineSpan().StartLinePosition;
            return new BuildError(path, line.Line + 1, line.Character + 1, code, why);
        }

        foreach (var list in root.DescendantNodes().OfType<AttributeListSyntax>())
        {
            if (list.Target?.Identifier.Text is "assembly" or "module")
                yield return At(list, AssemblyAttribute,
                    $"[{list.Target.Identifier.Text}: ...] attributes change how the whole test assembly runs; a kata's files never need one");
            foreach (var attribute in list.Attributes)
                if (Named(attribute.Name, "SuppressMessage") || Named(attribute.Name, "UnconditionalSuppressMessage"))
                    yield return At(attribute, Suppression, "a kata's files do not suppress the grader's checks");
        }
        foreach (var node in root.DescendantNodesAndTokens(descendIntoTrivia: true))
        {
            if (node.IsToken && node.AsToken() is var token)
            {
                if (token.IsKind(SyntaxKind.ExternKeyword))
                    yield return At(token, NativeCode, "extern (native) methods and aliases are not allowed in a kata: TorchSharp calls native code for you");
                else if (token.IsKind(SyntaxKind.UnsafeKeyword))
                    yield return At(token, UnsafeCode, "unsafe code (pointers, function pointers) is not allowed in a kata");
                continue;
            }
            switch (node.AsNode())
            {
                case FunctionPointerTypeSyntax pointer:
                    yield return At(pointer, UnsafeCode, "function pointers are not allowed in a kata");
                    break;
                case IdentifierNameSyntax { Identifier.Text: "Xunit" } name:
                    yield return At(name, TestFramework, "the tests are the grader's: a kata's own files do not use xunit");
                    break;
                case PragmaWarningDirectiveTriviaSyntax pragma when pragma.DisableOrRestoreKeyword.IsKind(SyntaxKind.DisableKeyword)
                    && (pragma.ErrorCodes.Count == 0 || pragma.ErrorCodes.Any(c => c.ToString().Trim() is "RS0030")):
                    yield return At(pragma, Suppression, "a kata's files do not switch off the grader's checks (#pragma warning disable)");
                    break;
            }
        }
    }

    // [SuppressMessage], [SuppressMessageAttribute], [System.Diagnostics.CodeAnalysis.SuppressMessage]...
    static bool Named(NameSyntax name, string wanted)
    {
        var last = name switch
        {
            QualifiedNameSyntax q => q.Right.Identifier.Text,
            AliasQualifiedNameSyntax a => a.Name.Identifier.Text,
            SimpleNameSyntax s => s.Identifier.Text,
            _ => name.ToString(),
        };
        return last == wanted || last == wanted + "Attribute";
    }
}
