using System.Text.RegularExpressions;
using Katas.Grader.Layout;
using Katas.Grader.Running;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Katas.Grader.Tests.Steps;

/// <summary>
/// The teaching text of the real chapters, read as a learner meets it: stub comments state a
/// contract and a why, never a placeholder or a line of code to copy; each hint level says
/// something the one before did not (level 1 an idea beyond the README step, level 2 each API once,
/// level 3 C# that parses).
/// </summary>
public partial class TeachingTextTests
{
    static string Repo => FixtureCourse.Repo;

    public static TheoryData<string> Chapters() => [.. Chapter.All(Repo).Select(c => c.Id)];

    static IEnumerable<(string File, int Line, string Text)> StubComments(string id)
    {
        var chapter = Chapter.Select(Repo, [id])[0];
        foreach (var file in Hints.Files(chapter).Yours)
        {
            var number = 0;
            foreach (var line in File.ReadLines(Path.Combine(chapter.Folder, file)))
            {
                number++;
                if (LineComment().Match(line) is { Success: true } m) yield return (file, number, m.Groups[1].Value.Trim());
            }
        }
    }

    /// <summary>
    /// A comment line that is a C# statement on its own (a call, an assignment, a declaration with a
    /// value): code for the learner to copy, whatever words surround it.
    /// </summary>
    public static bool IsCode(string comment)
    {
        var text = comment.Trim().TrimEnd('.');
        if (text.Length == 0 || !text.Contains('(', StringComparison.Ordinal) && !text.Contains('=', StringComparison.Ordinal)) return false;
        var statement = SyntaxFactory.ParseStatement(text.EndsWith(';') ? text : text + ";");
        if (statement.ContainsDiagnostics || statement.ToFullString().Trim().Length < text.Length) return false;
        return statement switch
        {
            ExpressionStatementSyntax { Expression: InvocationExpressionSyntax or AssignmentExpressionSyntax } => true,
            LocalDeclarationStatementSyntax d => d.Declaration.Variables.Any(v => v.Initializer is not null),
            ReturnStatementSyntax { Expression: not null } => true,
            _ => false,
        };
    }

    [Fact]
    public void A_comment_that_is_a_line_of_code_is_told_from_prose()
    {
        IsCode("output.forward(conv2.forward(conv1.forward(x)).flatten(1))").ShouldBeTrue();
        IsCode("var h = rnn.forward(x, h0);").ShouldBeTrue();
        IsCode("return loss.item<float>();").ShouldBeTrue();
        IsCode("Why clear first? backward() ADDS into each parameter's .grad.").ShouldBeFalse();
        IsCode("Work out why the image is 7x7 after conv1 (README step 3).").ShouldBeFalse();
        IsCode("flatten(1) keeps dimension 0 (the batch): [N, 32, 7, 7] -> [N, 1568].").ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(Chapters))]
    public void Stub_comments_hold_no_placeholder_and_no_line_of_code(string id)
    {
        var found = StubComments(id)
            .Where(c => Placeholder().IsMatch(c.Text) || IsCode(c.Text))
            .Select(c => $"{c.File}:{c.Line}: {c.Text}").ToList();
        found.ShouldBeEmpty($"{id}: a stub comment states the contract and why it matters; the code belongs to the learner (and to hints.md level 3)");
    }

    [Theory]
    [MemberData(nameof(Chapters))]
    public void Every_near_code_hint_is_csharp_that_parses(string id)
    {
        var chapter = Chapter.Select(Repo, [id])[0];
        var problems = new List<string>();
        foreach (var step in Hints.HintedSteps(chapter))
        {
            var levels = Hints.LevelsOf(chapter, step);
            if (levels.Count < 3) { problems.Add($"step {step}: fewer than three levels"); continue; }
            var blocks = CSharpBlock().Matches(levels[2].Text).Select(m => m.Groups[1].Value).ToList();
            if (blocks.Count == 0) problems.Add($"step {step}: level 3 holds no ```csharp block");
            foreach (var block in blocks)
                problems.AddRange(ParseErrors(block).Select(e => $"step {step}: {e}"));
        }
        problems.ShouldBeEmpty($"{id}/hints.md: every level 3 is near-code a learner can paste into a method and finish (parsed as C# statements)");
    }

    /// <summary>
    /// The syntax errors of a near-code block read as the body of a method (statements, `using var`,
    /// local functions) or, failing that, as a script (members such as a constructor or an override
    /// beside statements); empty when either reading has none.
    /// </summary>
    public static IReadOnlyList<string> ParseErrors(string block)
    {
        static List<string> Errors(SyntaxTree tree, int lineOffset) => [.. tree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(3)
            .Select(e => $"line {e.Location.GetLineSpan().StartLinePosition.Line + 1 - lineOffset} of its block: {e.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")];
        // Legal C#, and a bug: `using (torch.no_grad());` guards an empty statement, not what follows.
        if (SyntaxFactory.ParseStatement($"{{\n{block}\n}}").DescendantNodesAndSelf().OfType<UsingStatementSyntax>().FirstOrDefault(u => u.Statement is EmptyStatementSyntax) is { } empty)
            return [$"an empty using statement guards nothing: {empty.ToString().Trim()}"];
        var inMethod = Errors(CSharpSyntaxTree.ParseText($"class C {{ void M() {{\n{block}\n}} }}", new CSharpParseOptions(LanguageVersion.Latest)), 1);
        if (inMethod.Count == 0) return [];
        var asScript = Errors(CSharpSyntaxTree.ParseText(block, new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script)), 0);
        return asScript.Count == 0 ? [] : inMethod;
    }

    [Fact]
    public void Near_code_parses_as_a_method_body_or_as_a_script_and_fragments_do_not()
    {
        ParseErrors("using var scope = torch.NewDisposeScope();\nvar y = model.forward(x);").ShouldBeEmpty();
        ParseErrors("public override Tensor forward(Tensor x) => fc.forward(x);").ShouldBeEmpty();
        ParseErrors("model.eval(); using (torch.no_grad()); for window k start at k * pi").ShouldNotBeEmpty();
        ParseErrors("model.eval();\nusing (torch.no_grad());\nvar y = model.forward(x);").ShouldHaveSingleItem().ShouldContain("empty using");
        ParseErrors("conv1 = Sequential(Conv2d(1 -> 16, kernel 5))").ShouldNotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Chapters))]
    public void No_first_hint_repeats_its_readme_step(string id)
    {
        var chapter = Chapter.Select(Repo, [id])[0];
        var repeats = new List<string>();
        foreach (var step in Hints.HintedSteps(chapter))
        {
            var readme = Hints.ReadmeStep(chapter, step);
            var levels = Hints.LevelsOf(chapter, step);
            if (readme is null || levels.Count == 0) continue;
            if (SharedRun(readme, levels[0].Text, 8) is { } run) repeats.Add($"step {step}: \"{run}\"");
        }
        repeats.ShouldBeEmpty($"{id}/hints.md: the first level is an idea or a question beyond the README step, not its words again");
    }

    [Theory]
    [MemberData(nameof(Chapters))]
    public void Api_hints_name_each_api_once(string id)
    {
        var chapter = Chapter.Select(Repo, [id])[0];
        var twice = new List<string>();
        foreach (var step in Hints.HintedSteps(chapter))
        {
            var levels = Hints.LevelsOf(chapter, step);
            if (levels.Count < 2) continue;
            twice.AddRange(InlineCode().Matches(levels[1].Text).Select(m => m.Groups[1].Value.Trim())
                .GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"step {step}: `{g.Key}` {g.Count()} times"));
        }
        twice.ShouldBeEmpty($"{id}/hints.md: the API level names each name once, with where to read about it");
    }

    [Fact]
    public void A_shared_run_of_words_is_found_across_punctuation_and_case_and_short_ones_are_not()
    {
        SharedRun("Call model.train(), then for every batch clear the gradients and step.",
                  "then FOR every batch clear the gradients, and step once", 8).ShouldNotBeNull();
        SharedRun("Call model.train(), then for every batch clear the gradients and step.",
                  "Why does every batch need its gradients cleared?", 8).ShouldBeNull();
    }

    /// <summary>The first run of <paramref name="length"/> consecutive words of b that also occurs in a (case and punctuation ignored).</summary>
    public static string? SharedRun(string a, string b, int length)
    {
        static string[] Words(string s) => [.. Word().Matches(s.ToLowerInvariant()).Select(m => m.Value)];
        var inA = Words(a);
        var runs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + length <= inA.Length; i++) runs.Add(string.Join(' ', inA[i..(i + length)]));
        var inB = Words(b);
        for (var i = 0; i + length <= inB.Length; i++)
            if (runs.Contains(string.Join(' ', inB[i..(i + length)]))) return string.Join(' ', inB[i..(i + length)]);
        return null;
    }

    [GeneratedRegex(@"^\s*//(?!/)(.*)$")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"hint level \d|\(the code itself", RegexOptions.IgnoreCase)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"```csharp[^\n]*\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"`([^`\n]+)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"[\p{L}\p{N}_]+")]
    private static partial Regex Word();
}
