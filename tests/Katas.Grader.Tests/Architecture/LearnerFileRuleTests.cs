using Katas.Grader.Layout;
using Katas.Grader.Model;
using Katas.Grader.Rendering;
using Katas.Grader.Running;

namespace Katas.Grader.Tests.Architecture;

/// <summary>
/// "Which files are the learner's" is decided once (<see cref="LearnerFiles"/>), and every part of
/// the grader that cares asks it: the workspace that copies a submission, and the guide that tells
/// the learner where to write. (The allowlist is asked with the same rule by Grading.CheckLearnerCode.)
/// </summary>
public sealed class LearnerFileRuleTests
{
    // Path in a chapter -> is it the learner's? A Tests folder is trusted only at the chapter's top level.
    static readonly (string Path, bool Learner)[] Cases =
    [
        ("Net.cs", true), ("Models/Net.cs", true), ("Models/Tests/Helper.cs", true),
        ("Tests/NetTests.cs", false), ("Tests/Deep/More.cs", false),
        ("bin/Debug/Gen.cs", false), ("obj/Gen.cs", false), ("out/x.cs", false), ("README.md", false),
    ];

    [Fact]
    public void The_rule_itself()
    {
        foreach (var (path, learner) in Cases)
            LearnerFiles.IsLearnerSource(path).ShouldBe(learner, path);
    }

    [Fact]
    public void The_workspace_copies_exactly_the_files_the_rule_names()
    {
        var folder = Directory.CreateTempSubdirectory("katas-rule-").FullName;
        try
        {
            foreach (var (path, _) in Cases)
            {
                var file = Path.Combine(folder, path);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllText(file, "// x\n");
            }
            var (files, why) = Workspace.LearnerFilesOf(folder, "exercises/01-X");
            why.ShouldBeNull();
            files.Order(StringComparer.Ordinal).ShouldBe(Cases.Where(c => c.Learner).Select(c => c.Path).Order(StringComparer.Ordinal));
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Fact]
    public void The_guide_points_into_a_file_only_when_the_rule_says_it_is_the_learners()
    {
        foreach (var (path, learner) in Cases.Where(c => c.Path.EndsWith(".cs", StringComparison.Ordinal)))
        {
            var test = new Model.TestResult
            {
                Name = "N.C.M", Class = "N.C", Method = "M", Status = TestStatus.NotImplemented,
                Location = $"at Katas.X.Y() in /home/me/course/exercises/01-X/{path}:line 12",
            };
            var where = Guide.WhereToWrite(test, lesson: null);
            if (learner) where.ShouldBe($"/home/me/course/exercises/01-X/{path}:12", path);
            else where.ShouldBeNull(path);
        }
    }
}
