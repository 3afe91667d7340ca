using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Katas.Grader.Tests.Steps;

/// <summary>
/// A solution file with a gate in every member its stub leaves to a README step: the member runs
/// the solution's code when the step is open and throws the stub's NotImplementedException when
/// it is not. The step a member belongs to is the "TODO n" its stub throws. With the gate set to k
/// (environment variable <see cref="Variable"/>), a chapter behaves as if a learner had done steps
/// 1..k exactly as the solution does and nothing after: the state a [Step(k)] test must pass in.
/// </summary>
public static partial class StepGate
{
    public const string Variable = "KATAS_STEP_GATE";

    /// <summary>The gated solution, and the steps of the members gated.</summary>
    public sealed record Gated(string Source, IReadOnlyList<int> Steps);

    public static Gated Apply(string stubSource, string solutionSource)
    {
        var todos = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var member in Members(CSharpSyntaxTree.ParseText(stubSource).GetRoot()))
            if (TodoOf(member.Node) is { } n) todos[member.Key] = n;

        var edits = new List<(TextSpanEdit Edit, int Step)>();
        foreach (var member in Members(CSharpSyntaxTree.ParseText(solutionSource).GetRoot()))
            if (todos.TryGetValue(member.Key, out var step) && Gate(member.Node, step) is { } edit)
                edits.Add((edit, step));

        var text = new StringBuilder(solutionSource);
        foreach (var (edit, _) in edits.OrderByDescending(e => e.Edit.Start))
            text.Remove(edit.Start, edit.Length).Insert(edit.Start, edit.Text);
        var missing = todos.Where(t => !Members(CSharpSyntaxTree.ParseText(solutionSource).GetRoot()).Any(m => m.Key == t.Key)).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"the solution has no member for the stub's {string.Join(", ", missing.Select(m => $"{m.Key} (TODO {m.Value})"))}");
        return new(text.ToString(), edits.Select(e => e.Step).Distinct().Order().ToList());
    }

    readonly record struct TextSpanEdit(int Start, int Length, string Text);

    sealed record Member(string Key, SyntaxNode Node);

    // Members that can hold a body, keyed by their type, name and parameter types (overloads differ).
    static IEnumerable<Member> Members(SyntaxNode root)
    {
        foreach (var node in root.DescendantNodes())
        {
            var type = node.Ancestors().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault()?.Identifier.Text ?? "";
            switch (node)
            {
                case BaseMethodDeclarationSyntax m:
                    yield return new($"{type}.{NameOf(m)}({string.Join(",", m.ParameterList.Parameters.Select(p => p.Type?.ToString()))})", m);
                    break;
                case AccessorDeclarationSyntax a when a.Parent?.Parent is BasePropertyDeclarationSyntax p:
                    yield return new($"{type}.{NameOf(p)}.{a.Keyword.Text}", a);
                    break;
                case PropertyDeclarationSyntax { ExpressionBody: not null } p:
                    yield return new($"{type}.{p.Identifier.Text}.get", p);
                    break;
            }
        }
    }

    static string NameOf(BaseMethodDeclarationSyntax m) => m switch
    {
        MethodDeclarationSyntax x => x.Identifier.Text,
        ConstructorDeclarationSyntax => ".ctor",
        OperatorDeclarationSyntax o => "op" + o.OperatorToken.Text,
        ConversionOperatorDeclarationSyntax c => "conv" + c.Type,
        _ => m.Kind().ToString(),
    };

    static string NameOf(BasePropertyDeclarationSyntax p) => p switch
    {
        PropertyDeclarationSyntax x => x.Identifier.Text,
        IndexerDeclarationSyntax => "this[]",
        EventDeclarationSyntax e => e.Identifier.Text,
        _ => p.Kind().ToString(),
    };

    // The n of the first NotImplementedException("TODO n...") thrown in the member's own body.
    static int? TodoOf(SyntaxNode member)
    {
        foreach (var creation in member.DescendantNodes().OfType<ObjectCreationExpressionSyntax>())
            if (creation.Type.ToString().EndsWith("NotImplementedException", StringComparison.Ordinal)
                && creation.ArgumentList?.Arguments.FirstOrDefault()?.ToString() is { } arg && Todo().Match(arg) is { Success: true } m)
                return int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return null;
    }

    static string Check(int step) =>
        $"if (global::System.Environment.GetEnvironmentVariable(\"{Variable}\") is {{ }} __gate && " +
        $"int.Parse(__gate, global::System.Globalization.CultureInfo.InvariantCulture) < {step}) " +
        $"throw new global::System.NotImplementedException(\"TODO {step}: closed by the step walk\"); ";

    static TextSpanEdit? Gate(SyntaxNode member, int step)
    {
        var (body, expression, returnsValue) = member switch
        {
            BaseMethodDeclarationSyntax m => (m.Body, m.ExpressionBody, ReturnsValue(m)),
            AccessorDeclarationSyntax a => (a.Body, a.ExpressionBody, a.Keyword.IsKind(SyntaxKind.GetKeyword)),
            PropertyDeclarationSyntax p => ((BlockSyntax?)null, p.ExpressionBody, true),
            _ => (null, null, false),
        };
        if (body is not null)
            return new(body.OpenBraceToken.Span.End, 0, " " + Check(step).TrimEnd());
        if (expression is null) return null;
        var semicolon = member switch
        {
            BaseMethodDeclarationSyntax m => m.SemicolonToken,
            AccessorDeclarationSyntax a => a.SemicolonToken,
            PropertyDeclarationSyntax p => p.SemicolonToken,
            _ => default,
        };
        var start = expression.Span.Start;
        var end = semicolon.Span.End;
        var inner = (returnsValue ? "return " : "") + expression.Expression + ";";
        var block = $"{{ {Check(step)}{inner} }}";
        return member is PropertyDeclarationSyntax
            ? new(start, end - start, $"{{ get {block} }}")
            : new(start, end - start, block);
    }

    static bool ReturnsValue(BaseMethodDeclarationSyntax m) => m switch
    {
        MethodDeclarationSyntax x => x.Modifiers.Any(SyntaxKind.AsyncKeyword)
            ? x.ReturnType.ToString() is not ("void" or "Task" or "ValueTask")
            : x.ReturnType.ToString() != "void",
        ConstructorDeclarationSyntax or DestructorDeclarationSyntax => false,
        _ => true,
    };

    [GeneratedRegex(@"""TODO (\d+)\b")]
    private static partial Regex Todo();
}
