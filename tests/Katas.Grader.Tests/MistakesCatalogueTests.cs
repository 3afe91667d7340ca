using System.Text.RegularExpressions;
using Katas.Grader.Layout;
using Katas.Grader.Running;
using Katas.Mistakes;

namespace Katas.Grader.Tests;

/// <summary>
/// The mistakes catalogue (tests/Katas.Mistakes/catalogue) read without building anything: every
/// chapter keeps at least eight mistakes, every entry still applies to its solution, and every
/// test it names exists. Whether each is caught is the runner's job (eng/ci/mistakes.sh).
/// </summary>
public partial class MistakesCatalogueTests
{
    const int AtLeast = 8;
    static string Repo => FixtureCourse.Repo;
    static string Folder => Catalogue.Folder(Repo);

    public static TheoryData<string> Chapters() => [.. Chapter.All(Repo).Select(c => c.Id)];

    [Theory]
    [MemberData(nameof(Chapters))]
    public void Every_chapter_keeps_at_least_eight_mistakes_and_each_applies_to_its_solution(string id)
    {
        File.Exists(Path.Combine(Folder, id + ".md")).ShouldBeTrue($"{id} has no catalogue of mistakes (tests/Katas.Mistakes/catalogue/{id}.md)");
        var mistakes = Catalogue.Load(Folder, id);
        mistakes.Count.ShouldBeGreaterThanOrEqualTo(AtLeast, $"{id}: at least {AtLeast} plausible learner mistakes");
        foreach (var m in mistakes)
        {
            var solution = Path.Combine(Repo, "solutions", id, m.File);
            File.Exists(solution).ShouldBeTrue($"{m.Name}: solutions/{id}/{m.File} does not exist");
            var changed = Should.NotThrow(() => m.ApplyTo(File.ReadAllText(solution)), $"{m.Name} no longer applies");
            changed.ShouldNotBe(File.ReadAllText(solution), $"{m.Name} changes nothing");
            m.Why.Length.ShouldBeGreaterThan(20, $"{m.Name}: say why a learner makes it");
        }
    }

    [Theory]
    [MemberData(nameof(Chapters))]
    public void Every_test_a_mistake_names_exists_in_its_chapter(string id)
    {
        if (!File.Exists(Path.Combine(Folder, id + ".md"))) return;
        var tests = Directory.EnumerateFiles(Path.Combine(Repo, "exercises", id, "Tests"), "*.cs")
            .SelectMany(f => TestMethod().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileNameWithoutExtension(f)}.{m.Groups[1].Value}"))
            .ToHashSet(StringComparer.Ordinal);
        var methods = tests.Select(t => t[(t.IndexOf('.', StringComparison.Ordinal) + 1)..]).ToHashSet(StringComparer.Ordinal);
        var missing = Catalogue.Load(Folder, id).Where(m => !methods.Contains(m.TestParts.Method)).Select(m => $"{m.Id}: {m.Test}").ToList();
        missing.ShouldBeEmpty($"{id}: these mistakes name tests that do not exist");
    }

    [Fact]
    public void The_catalogue_explains_what_is_wrong_with_an_entry()
    {
        const string entry = """
            ## twice — a hunk that matches twice

            Why a learner does it, in a sentence long enough.

            - file: Net.cs
            - test: NetTests.Forward
            - words: relu

            ```diff
            -x = 1;
            +x = 2;
            ```
            """;
        var mistake = Catalogue.Parse("01-Fixture", entry).Single();
        mistake.TestParts.ShouldBe(("NetTests", "Forward"));
        mistake.ApplyTo("a\n  x = 1;\nb").ShouldBe("a\nx = 2;\nb");
        Should.Throw<CatalogueException>(() => mistake.ApplyTo("x = 1;\nx = 1;")).Message.ShouldContain("matches 2 places");
        Should.Throw<CatalogueException>(() => mistake.ApplyTo("y = 1;")).Message.ShouldContain("matches 0 places");
        Should.Throw<CatalogueException>(() => Catalogue.Parse("01-Fixture", entry.Replace("- words: relu\n", "", StringComparison.Ordinal)))
            .Message.ShouldContain("\"- words:\" is missing");
        Should.Throw<CatalogueException>(() => Catalogue.Parse("01-Fixture", entry.Replace("## twice", "## Twice Over", StringComparison.Ordinal)))
            .Message.ShouldContain("lower-case-with-dashes");
    }

    [GeneratedRegex(@"public\s+(?:async\s+Task|void|Task|async\s+ValueTask|ValueTask)\s+(\w+)\s*\(")]
    private static partial Regex TestMethod();
}
