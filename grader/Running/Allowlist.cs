using Katas.Grader.Layout;
using Katas.Grader.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Katas.Grader.Running;

/// <summary>
/// What learner code may use, checked on meaning: the learner's files are compiled again here, in
/// the grader, with exactly the inputs the chapter's build gave the compiler (katas-compile.txt,
/// written by eng/Kata.targets), and every symbol each learner expression, type or attribute binds
/// to must be allowed by the course's list (eng/LearnerApi.txt, plus the chapter's own
/// Tests/LearnerApi.txt). How a name is spelled — an alias, a using static, `global::`, an
/// extension method, a method group turned into a delegate — does not matter, nor does any
/// suppression: this check is not the compiler's, and a #pragma or [SuppressMessage] in the
/// learner's file is judged by the symbol it binds to like anything else.
/// <para>List format, one rule a line: <c>+ PREFIX</c> allows, <c>- PREFIX ; why</c> forbids, where
/// PREFIX is a namespace, a type (<c>System.Math</c>) or a member (<c>System.Console.WriteLine</c>),
/// generic arity left out. The longest matching rule decides; nothing matching is forbidden.
/// Code the learner (or the tests) declared is always allowed.</para>
/// </summary>
public sealed class Allowlist
{
    public const string Code = "KATAS100", NativeCode = "KATAS002", UnsafeCode = "KATAS003";
    public const string CourseFile = "eng/LearnerApi.txt", ChapterFile = "Tests/LearnerApi.txt";

    readonly List<(string Prefix, bool Allow, string? Why)> _rules = [];

    /// <summary>The course's list and the chapter's additions (either may be missing: nothing is then allowed by it).</summary>
    public static Allowlist For(string repo, Chapter chapter)
    {
        var list = new Allowlist();
        foreach (var file in new[] { Path.Combine(repo, CourseFile), Path.Combine(chapter.Folder, ChapterFile) })
            if (File.Exists(file)) list.Add(File.ReadLines(file), Path.GetRelativePath(repo, file));
        return list;
    }

    public static Allowlist Parse(string text) { var list = new Allowlist(); list.Add(text.Split('\n'), "list"); return list; }

    void Add(IEnumerable<string> lines, string source)
    {
        var n = 0;
        foreach (var raw in lines)
        {
            n++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var allow = line[0] == '+';
            if (!allow && line[0] != '-') throw new GraderException($"{source}:{n}: a rule starts with + (allow) or - (forbid): {line}");
            var body = line[1..];
            var semi = body.IndexOf(';', StringComparison.Ordinal);
            var prefix = (semi < 0 ? body : body[..semi]).Trim();
            var why = semi < 0 ? null : body[(semi + 1)..].Trim();
            _rules.Add((prefix, allow, why));
        }
    }

    /// <summary>Allowed, or the reason it is not (the rule's own, or the general one).</summary>
    public (bool Allowed, string? Why) Judge(string key)
    {
        (string Prefix, bool Allow, string? Why)? best = null;
        foreach (var rule in _rules)
            if ((key == rule.Prefix || key.StartsWith(rule.Prefix + ".", StringComparison.Ordinal)) && (best is null || rule.Prefix.Length >= best.Value.Prefix.Length))
                best = rule;
        return best is { Allow: true } ? (true, null) : (false, best?.Why);
    }

    /// <summary>What the chapter's build gave the compiler: references, sources, preprocessor symbols, language version.</summary>
    public sealed record CompileInputs(IReadOnlyList<string> References, IReadOnlyList<string> Sources, IReadOnlyList<string> Defines, string? LangVersion)
    {
        /// <summary>Where the graded builds of a track write them, one file per chapter (eng/Kata.targets).</summary>
        public static string Folder(string repo, string track) => Path.Combine(Course.Unchecked(repo).WorkFolder, $"compile-{track}");

        /// <summary>What the chapter's last graded build of <paramref name="track"/> gave the compiler, or null when there is no record.</summary>
        public static CompileInputs? For(string repo, Chapter chapter, string track) =>
            Read(Path.Combine(Folder(repo, track), chapter.ProjectName + ".txt"));

        public static CompileInputs? Read(string file)
        {
            if (!File.Exists(file)) return null;
            var lines = File.ReadAllLines(file);
            string[] Of(string tag) => lines.Where(l => l.StartsWith(tag + "|", StringComparison.Ordinal)).Select(l => l[(tag.Length + 1)..]).ToArray();
            return new(Of("R"), Of("C"), Of("D").SelectMany(d => d.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray(),
                Of("L").FirstOrDefault());
        }
    }

    /// <summary>
    /// Every use of a symbol outside the list in the chapter's learner files (<see cref="LearnerFiles"/>),
    /// as build errors with the file, line and why. <paramref name="isLearner"/> decides which sources
    /// are the learner's (by full path).
    /// </summary>
    public IReadOnlyList<BuildError> Check(CompileInputs inputs, Func<string, bool> isLearner, string repo)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Preview, DocumentationMode.None, preprocessorSymbols: inputs.Defines);
        var trees = inputs.Sources.Where(File.Exists)
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, f, System.Text.Encoding.UTF8)).ToList();
        var compilation = CSharpCompilation.Create("learner-check", trees,
            inputs.References.Where(File.Exists).Select(r => MetadataReference.CreateFromFile(r)),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: false));
        var errors = new List<BuildError>();
        foreach (var tree in trees.Where(t => isLearner(t.FilePath)))
        {
            var model = compilation.GetSemanticModel(tree, ignoreAccessibility: false);
            var relative = Path.GetRelativePath(repo, tree.FilePath).Replace('\\', '/');
            var seen = new HashSet<(int, string)>();
            void Report(SyntaxNodeOrToken where, string code, string why)
            {
                var line = where.GetLocation()!.GetLineSpan().StartLinePosition;
                if (seen.Add((line.Line, why))) errors.Add(new BuildError(relative, line.Line + 1, line.Character + 1, code, why));
            }
            foreach (var item in tree.GetRoot().DescendantNodesAndTokens(descendIntoTrivia: true))
            {
                if (item.IsToken)
                {
                    var token = item.AsToken();
                    if (token.IsKind(SyntaxKind.ExternKeyword))
                        Report(token, NativeCode, "extern (native) methods and aliases are not allowed in a kata: TorchSharp calls native code for you");
                    else if (token.IsKind(SyntaxKind.UnsafeKeyword) || token.IsKind(SyntaxKind.ArgListKeyword)
                             || token.IsKind(SyntaxKind.MakeRefKeyword) || token.IsKind(SyntaxKind.RefValueKeyword) || token.IsKind(SyntaxKind.RefTypeKeyword))
                        Report(token, UnsafeCode, $"'{token.Text}' is not allowed in a kata: it reaches memory behind the runtime's back");
                    continue;
                }
                var node = item.AsNode()!;
                if (node is FunctionPointerTypeSyntax or PointerTypeSyntax)
                {
                    Report(node, UnsafeCode, "pointers are not allowed in a kata");
                    continue;
                }
                if (node is not (ExpressionSyntax or TypeSyntax or AttributeSyntax or ConstructorInitializerSyntax)) continue;
                if (node.Parent is QualifiedNameSyntax { Left: var left } && left == node) continue; // judged as part of the whole name
                if (node is TypeSyntax && node.Parent is UsingDirectiveSyntax) continue; // a using imports nothing by itself
                var type = model.GetTypeInfo(node).Type;
                if (type is { TypeKind: TypeKind.Dynamic })
                {
                    Report(node, Code, "'dynamic' is not allowed in a kata: its calls are bound at run time, past every check");
                    continue;
                }
                var info = model.GetSymbolInfo(node);
                // Environment in Environment.ProcessorCount: the member decides, not its type.
                if (info.Symbol is INamedTypeSymbol && node.Parent is MemberAccessExpressionSyntax access && access.Expression == node) continue;
                // Reported where the use starts: Environment.Exit(1) at "Environment", as the compiler would.
                SyntaxNode at = node.Parent is MemberAccessExpressionSyntax whole && whole.Name == node ? whole : node;
                foreach (var symbol in info.Symbol is { } s ? [s] : info.CandidateSymbols)
                    if (KeyOf(symbol, compilation) is { } key && Judge(key) is { Allowed: false } verdict)
                        Report(at, Code, $"'{key}' is not among the APIs a kata may use: " +
                            (verdict.Why ?? "a kata needs TorchSharp, Kit's learner API and a few parts of .NET (collections, LINQ, maths, strings, exceptions); " +
                                $"the list is {CourseFile}"));
            }
        }
        return errors;
    }

    /// <summary>The name a rule matches ("System.Console.WriteLine"); null for what needs no rule (the compilation's own code, locals, ...).</summary>
    internal static string? KeyOf(ISymbol symbol, Compilation compilation)
    {
        switch (symbol)
        {
            case ILocalSymbol or IParameterSymbol or IRangeVariableSymbol or ILabelSymbol or IDiscardSymbol or IPreprocessingSymbol:
                return null;
            case IAliasSymbol alias:
                return KeyOf(alias.Target, compilation);
            case ITypeParameterSymbol:
                return null;
            case IArrayTypeSymbol array:
                return KeyOf(array.ElementType, compilation);
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                return "pointer";
            case IDynamicTypeSymbol:
                return "dynamic";
            case IErrorTypeSymbol:
                return null;
            case INamespaceSymbol:
                return null; // a namespace does nothing by itself: what is used from it is judged
            case INamedTypeSymbol { IsAnonymousType: true }:
                return null;
            case IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction }:
                return null;
        }
        var definition = symbol is IMethodSymbol { ReducedFrom: { } reduced } ? reduced : symbol;
        definition = definition.OriginalDefinition;
        if (SymbolEqualityComparer.Default.Equals(definition.ContainingAssembly, compilation.Assembly)) return null;
        if (definition is INamedTypeSymbol named) return TypeName(named);
        if (definition.ContainingType is null) return null;
        var member = definition switch
        {
            IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } => "new",
            IMethodSymbol { AssociatedSymbol: { } owner } => owner.Name, // get_X, add_E: the property or event
            _ => definition.Name,
        };
        return $"{TypeName(definition.ContainingType)}.{member}";
    }

    static string TypeName(INamedTypeSymbol type)
    {
        var names = new Stack<string>();
        for (var t = type; t is not null; t = t.ContainingType) names.Push(t.Name);
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : "";
        return ns + string.Join(".", names);
    }
}
