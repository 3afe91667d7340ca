using System.Text.RegularExpressions;
using Katas.Grader.Layout;
using Katas.Grader.Running;

namespace Katas.Grader.Tests.Steps;

/// <summary>
/// The teaching material of the real chapters: stubs that hold the contract and the why but not
/// the answer, a hints.md section with three levels for every README step, and files that say
/// whether they are the learner's (a TODO in them, a twin under solutions/) or given.
/// </summary>
public partial class CourseContentTests
{
    static string Repo => FixtureCourse.Repo;

    public static TheoryData<string> Chapters() => [.. Chapter.All(Repo).Select(c => c.Id)];

    /// <summary>
    /// Of the solution's code lines (whitespace removed; blank lines, usings, comments, pure keywords
    /// and braces of fewer than 8 characters, and lines the stub itself holds as code left out),
    /// how many appear verbatim in one comment line of the stub. Measured 73 of 523 (14 %) before
    /// the near-code moved to hints.md.
    /// </summary>
    public static IReadOnlyList<string> SolutionLinesInStubComments(string stub, string solution)
    {
        var stubLines = stub.Split('\n');
        var comments = stubLines.Select(l => CommentText().Match(l)).Where(m => m.Success).Select(m => Squeeze(m.Groups[1].Value)).ToList();
        var stubCode = stubLines.Select(l => Squeeze(TrailingComment().Replace(l, ""))).ToHashSet(StringComparer.Ordinal);
        return solution.Split('\n')
            .Select(l => TrailingComment().Replace(l, "").Trim())
            .Where(l => l.Length > 0 && !l.StartsWith("using ", StringComparison.Ordinal) && !l.StartsWith("namespace", StringComparison.Ordinal))
            .Where(l => Squeeze(l) is { Length: >= 8 } s && !stubCode.Contains(s))
            .Where(l => comments.Any(c => c.Contains(Squeeze(l), StringComparison.Ordinal)))
            .ToList();
    }

    static string Squeeze(string s) => Whitespace().Replace(s, "");

    [Theory]
    [MemberData(nameof(Chapters))]
    public void Stub_comments_hold_none_of_the_solutions_code_lines(string id)
    {
        var solutions = Path.Combine(Repo, "solutions", id);
        var found = new List<string>();
        foreach (var solution in Directory.EnumerateFiles(solutions, "*.cs"))
        {
            var stub = Path.Combine(Repo, "exercises", id, Path.GetFileName(solution));
            found.AddRange(SolutionLinesInStubComments(File.ReadAllText(stub), File.ReadAllText(solution))
                .Select(l => $"{Path.GetFileName(stub)}: {l}"));
        }
        found.ShouldBeEmpty($"{id}: stub comments give away these lines of the solution; say the contract and the why, " +
                            "and move the near-code to hints.md (level 3)");
    }

    [Fact]
    public void The_measure_finds_a_solution_line_copied_into_a_comment_and_ignores_braces_and_the_stubs_own_code()
    {
        const string stub = """
            public static int Twice(int x)
            {
                // return x + x;   <- a comment that gives the answer away
                // try { ... } finally { }
                throw new NotImplementedException("TODO 1");
            }
            """;
        const string solution = """
            public static int Twice(int x)
            {
                return x + x;
            }
            """;

        SolutionLinesInStubComments(stub, solution).ShouldBe(["return x + x;"]);
        SolutionLinesInStubComments(stub.Replace("// return x + x;", "// twice x", StringComparison.Ordinal), solution).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Chapters))]
    public void Every_readme_step_has_hints_in_three_levels_concept_api_near_code(string id)
    {
        var chapter = Chapter.Select(Repo, [id])[0];
        File.Exists(Path.Combine(chapter.Folder, Course.HintsFile)).ShouldBeTrue($"{id} has no {Course.HintsFile}");

        Hints.HintedSteps(chapter).ShouldBe(Hints.ReadmeSteps(chapter), $"{id}: one hints.md section per README step, in order");
        foreach (var step in Hints.ReadmeSteps(chapter))
        {
            var levels = Hints.LevelsOf(chapter, step);
            levels.Select(l => l.Title).ShouldBe(["Concept", "API", "Near-code"], $"{id} step {step}");
            levels.ShouldAllBe(l => l.Text.Length > 0, $"{id} step {step}: an empty level");
        }
    }

    [Theory]
    [MemberData(nameof(Chapters))]
    public void The_learners_files_are_those_with_a_todo_and_a_twin_under_solutions(string id)
    {
        var chapter = Chapter.Select(Repo, [id])[0];
        var (yours, given) = Hints.Files(chapter);

        yours.ShouldBe([.. Directory.EnumerateFiles(Path.Combine(Repo, "solutions", id), "*.cs").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)],
            $"{id}: a file with a TODO is the learner's, and only the learner's files have a solution");
        var readme = File.ReadAllText(Path.Combine(chapter.Folder, "README.md"));
        foreach (var file in yours.Concat(given))
            readme.ShouldContain($"`{file}`", customMessage: $"{id}'s README says whether {file} is yours to write or given");
    }

    [Theory]
    [MemberData(nameof(Chapters))]
    public void Every_exception_a_solution_throws_is_named_in_its_stubs_xml_docs(string id)
    {
        var missing = new List<string>();
        foreach (var solution in Directory.EnumerateFiles(Path.Combine(Repo, "solutions", id), "*.cs"))
        {
            var stub = File.ReadAllText(Path.Combine(Repo, "exercises", id, Path.GetFileName(solution)));
            missing.AddRange(ThrownType().Matches(File.ReadAllText(solution)).Select(m => m.Groups[1].Value).Distinct()
                .Where(t => !stub.Contains($"<exception cref=\"{t}\">", StringComparison.Ordinal))
                .Select(t => $"{Path.GetFileName(solution)}: {t}"));
        }
        missing.ShouldBeEmpty($"{id}: the stub's XML docs (<exception cref=...>) name the exact exception types the tests expect");
    }

    [GeneratedRegex(@"throw new (\w+Exception)\(")]
    private static partial Regex ThrownType();

    [GeneratedRegex(@"^\s*//+(.*)$")]
    private static partial Regex CommentText();

    [GeneratedRegex(@"(^|\s)//.*$")]
    private static partial Regex TrailingComment();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
