using System.Text.RegularExpressions;
using Katas.Grader.Instructor;
using Katas.Grader.Model;
using Katas.Grader.Rendering;

namespace Katas.Grader.Tests;

/// <summary>This repository exported as students get it (`katas export student`), once for the class.</summary>
public sealed class ExportedCourse : IDisposable
{
    public ExportedCourse()
    {
        Root = Path.Combine(Path.GetTempPath(), "katas-fixtures", $"export-{Guid.NewGuid():N}"[..16]);
        StudentExport.Run(FixtureCourse.Repo, Root);
    }

    public string Root { get; }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>
/// The student template reads right for a repository without solutions, instructor material, the
/// benchmark or the master's own tests, and its `dotnet test` runs the chapters only.
/// </summary>
public sealed partial class StudentExportTests(ExportedCourse export) : IClassFixture<ExportedCourse>
{
    /// <summary>What a student's copy lacks, as the master's text names it.</summary>
    static readonly string[] Absent =
    [
        "KataTrack=solutions", "solutions/", "instructor/", "bench/", "katas-bench", "--show-hidden", "--extra-tests",
        "tests/Katas", "docs/performance.md", "authoring-a-chapter", "grade-many",
        "solutions-only", "students-only", // a marker left behind: a passage was cut wrong
    ];

    IEnumerable<string> Markdown() =>
        Directory.EnumerateFiles(export.Root, "*.md", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(export.Root, f).StartsWith(".git", StringComparison.Ordinal));

    [Fact]
    public void No_markdown_file_names_what_the_template_does_not_have()
    {
        var found = new List<string>();
        foreach (var file in Markdown())
        {
            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                found.AddRange(Absent.Where(a => line.Contains(a, StringComparison.Ordinal))
                    .Select(a => $"{Path.GetRelativePath(export.Root, file)}:{number}: {a}"));
            }
        }

        found.ShouldBeEmpty();
    }

    [Fact]
    public void Every_relative_link_in_the_template_leads_to_a_file_it_has()
    {
        var broken = new List<string>();
        foreach (var file in Markdown())
            foreach (Match link in RelativeLink().Matches(File.ReadAllText(file)))
            {
                var target = link.Groups[1].Value.Split('#')[0];
                if (target.Length == 0) continue;
                if (!Path.Exists(Path.Combine(Path.GetDirectoryName(file)!, target)))
                    broken.Add($"{Path.GetRelativePath(export.Root, file)}: {target}");
            }

        broken.ShouldBeEmpty();
    }

    [Fact]
    public void Its_solution_holds_the_chapters_and_the_shared_code_but_no_test_project_of_the_kit_or_the_grader()
    {
        var projects = SolutionProject().Matches(File.ReadAllText(Path.Combine(export.Root, "Katas.sln")))
            .Select(m => m.Groups[1].Value.Replace('\\', '/')).Where(p => p.EndsWith(".csproj", StringComparison.Ordinal)).ToList();
        var chapters = Directory.GetDirectories(Path.Combine(FixtureCourse.Repo, "exercises"))
            .Select(d => Path.GetRelativePath(FixtureCourse.Repo, Directory.GetFiles(d, "*.csproj").Single()).Replace('\\', '/'));

        foreach (var chapter in chapters) projects.ShouldContain(chapter);
        // Besides the chapters, no test project: `dotnet test` in the template runs the chapters' tests only.
        projects.Where(p => !p.StartsWith("exercises/", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .ShouldBe(["grader/Katas.Grader.csproj", "src/Katas.Kit.Datasets/Katas.Kit.Datasets.csproj", "src/Katas.Kit.Probe/Katas.Kit.Probe.csproj",
                "src/Katas.Kit.Testing/Katas.Kit.Testing.csproj", "src/Katas.Kit/Katas.Kit.csproj", "src/Katas.Tooling/Katas.Tooling.csproj"]);
        Directory.Exists(Path.Combine(export.Root, "tests")).ShouldBeFalse();
        Directory.Exists(Path.Combine(export.Root, "bench")).ShouldBeFalse();
    }

    [Fact]
    public void The_dev_container_travels_with_the_template()
    {
        var file = Path.Combine(".devcontainer", "devcontainer.json");

        File.ReadAllText(Path.Combine(export.Root, file)).ShouldBe(File.ReadAllText(Path.Combine(FixtureCourse.Repo, file)));
    }

    [Fact]
    public void The_graders_all_done_message_sends_nobody_to_solutions()
    {
        var done = new ChapterResult { Id = "01-A", Number = 1, Title = "A", Status = ChapterStatus.Passed };

        var (title, body) = Guide.NextStep([done]);

        title.ShouldBe("All done");
        body.ShouldNotContain("solution", Case.Insensitive);
    }

    // [text](relative/path) and [text](relative/path#anchor); not http(s), mailto or in-page anchors.
    [GeneratedRegex(@"\]\((?!https?:|mailto:|#)([^)\s]+)\)")]
    private static partial Regex RelativeLink();

    [GeneratedRegex(@"^Project\(""\{[^}]+\}""\) = ""[^""]*"", ""([^""]+)""", RegexOptions.Multiline)]
    private static partial Regex SolutionProject();
}
