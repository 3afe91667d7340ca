using System.Text.RegularExpressions;

namespace Katas.Workflows.Tests;

/// <summary>
/// The GitHub Classroom workflow (eng/classroom/classroom.yml; the student template's
/// .github/workflows/classroom.yml): the properties docs/grader.md ("GitHub Classroom") promises,
/// checked on the file as YAML. eng/ci/check-classroom.sh plays its steps' scripts with a faked
/// GitHub (the annotations in the log, the `result` output decoded) and lints it with actionlint.
/// </summary>
public sealed partial class ClassroomWorkflowTests
{
    static string Root => RepoPaths.Root ?? throw new InvalidOperationException("tests must run inside the repository");
    static readonly Workflow Classroom = Workflow.Load(Path.Combine(Root, "eng", "classroom", "classroom.yml"));
    static Job Job => Classroom.Jobs.ShouldHaveSingleItem();

    [Fact]
    public void The_master_never_runs_it_it_is_not_among_its_workflows()
    {
        File.Exists(Path.Combine(Workflow.Folder, "classroom.yml")).ShouldBeFalse(
            "the master's pushes are not student work: the template gets the file from eng/classroom/ (katas export student)");
        Workflow.All().ShouldAllBe(w => w.Name != Classroom.Name);
    }

    [Fact]
    public void It_grades_pushes_as_classroom_does_and_never_a_pull_request_with_write_access()
    {
        Classroom.Name.ShouldBe("Autograding Tests");
        Classroom.Triggers.ShouldBe(["push", "repository_dispatch", "workflow_dispatch"], ignoreOrder: true);
        Job.Id.ShouldBe("run-autograding-tests");
        Job.If!.ShouldContain("github.actor != 'github-classroom[bot]'", customMessage: "the commit Classroom's bot makes is not graded");
        Job.If!.ShouldContain("github.event.repository.is_template != true", customMessage: "the template repository's own pushes are not graded");
    }

    [Fact]
    public void It_can_read_the_repository_and_nothing_else_and_has_no_secret_or_token()
    {
        Workflow.PermissionsOf(Classroom.Permissions!).ShouldBeEmpty();
        Workflow.PermissionsOf(Job.Permissions!).ShouldBe(new Dictionary<string, string> { ["contents"] = "read" });
        string.Join('\n', Classroom.Lines).ShouldNotContain("secrets.");
        string.Join('\n', Classroom.Lines).ShouldNotContain("github.token");
        Job.Steps.ShouldAllBe(s => (s.With("token") ?? "") == "");
        foreach (var checkout in Job.Steps.Where(s => s.Uses?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true))
            checkout.With("persist-credentials").ShouldBe("false", checkout.ToString());
    }

    [Fact]
    public void It_grades_with_the_trusted_copy_and_takes_only_the_students_code_from_the_push()
    {
        var steps = Job.Steps.ToList();
        var submission = steps.Single(s => s.Uses?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true && s.With("path") == "submission");
        submission.With("repository").ShouldBeNull("the push itself");
        submission.With("ref").ShouldBeNull("the push itself");
        submission.With("fetch-depth").ShouldBe("0", "the first commit (the template as received) must be in the checkout");

        var course = steps.Single(s => s.Run?.Contains("classroom-course.sh", StringComparison.Ordinal) == true);
        course.Run!.Trim().ShouldBe("bash submission/eng/ci/classroom-course.sh submission");
        course.Env("THIS_REPOSITORY").ShouldBe("${{ github.repository }}");
        var id = Workflow.Scalar(course.Node, "id")!;

        var trusted = steps.Single(s => s.Uses?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true && s.With("path") == "trusted");
        trusted.With("repository").ShouldBe($"${{{{ steps.{id}.outputs.repository }}}}");
        trusted.With("ref").ShouldBe($"${{{{ steps.{id}.outputs.ref }}}}");
        steps.IndexOf(trusted).ShouldBeGreaterThan(steps.IndexOf(course));

        var dotnet = steps.Single(s => s.Uses?.StartsWith("actions/setup-dotnet@", StringComparison.Ordinal) == true);
        dotnet.With("global-json-file").ShouldBe("trusted/global.json");

        var grade = steps.Single(s => s.Run?.Contains("classroom-grade.sh", StringComparison.Ordinal) == true);
        grade.Run!.ShouldStartWith("bash trusted/eng/ci/classroom-grade.sh trusted submission ", customMessage: "the trusted copy's script grades");
        Workflow.Scalar(grade.Node, "id").ShouldNotBeNull("its `result` output is what the classroom-resources reporter would read");
        steps.IndexOf(grade).ShouldBeGreaterThan(steps.IndexOf(trusted));

        // Who sets the trusted source: the instructor, in the file (documented), never the event.
        var env = (YamlDotNet.RepresentationModel.YamlMappingNode)Workflow.Child(Job.Node, "env")!;
        Workflow.Scalar(env, "KATAS_COURSE_REPOSITORY").ShouldBe("");
        Workflow.Scalar(env, "KATAS_COURSE_REF").ShouldBe("");
    }

    [Fact]
    public void It_follows_the_repositorys_rules_for_every_workflow()
    {
        Job.TimeoutMinutes.ShouldNotBeNull();
        int.Parse(Job.TimeoutMinutes, System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 60);
        Job.Steps.Where(s => s.Run is not null).ShouldAllBe(s => !s.Run!.Contains("${{"), "event data reaches scripts through env only");
        Job.Steps.ShouldAllBe(s => !(s.Uses ?? "").StartsWith("actions/cache", StringComparison.Ordinal) && s.With("cache") == null);
        Job.Steps.Where(s => s.Uses?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true).ShouldAllBe(s => s.If == "always()");
        var concurrency = Classroom.Root.Children[new YamlDotNet.RepresentationModel.YamlScalarNode("concurrency")];
        Workflow.Scalar(concurrency, "cancel-in-progress").ShouldBe("true");
        foreach (var script in Job.Steps.Where(s => s.Run is not null).SelectMany(s => ScriptPath().Matches(s.Run!)).Select(m => m.Groups[1].Value))
            File.Exists(Path.Combine(Root, script)).ShouldBeTrue(script);
    }

    [GeneratedRegex(@"^\s*(?:-\s+)?uses:\s*(?<action>[^\s#@]+)@(?<sha>[^\s#]+)\s*(?:#\s*(?<version>\S+))?\s*$")]
    private static partial Regex UsesLine();

    [GeneratedRegex(@"(?:trusted|submission)/(eng/ci/[\w-]+\.sh)")]
    private static partial Regex ScriptPath();

    [Fact]
    public void Its_actions_are_pinned_exactly_as_the_masters_workflows_pin_them()
    {
        // Dependabot updates .github/workflows only: this keeps the template's copy in step with it.
        static IEnumerable<(string Action, string Sha, string Version)> Pins(IEnumerable<string> lines) =>
            lines.Select(l => UsesLine().Match(l)).Where(m => m.Success)
                .Select(m => (m.Groups["action"].Value, m.Groups["sha"].Value, m.Groups["version"].Value));
        var master = Pins(Workflow.All().SelectMany(w => w.Lines)).GroupBy(p => p.Action).ToDictionary(g => g.Key, g => g.First());
        var pins = Pins(Classroom.Lines).ToList();
        pins.Count.ShouldBeGreaterThanOrEqualTo(3);
        foreach (var (action, sha, version) in pins)
        {
            sha.ShouldMatch("^[0-9a-f]{40}$", $"{action} is not pinned by a full commit SHA");
            version.ShouldMatch(@"^v\d+\.\d+\.\d+$", $"{action} has no '# vX.Y.Z' comment");
            master.ShouldContainKey(action, $"{action}: no workflow of the master uses it, so Dependabot would never update it");
            (sha, version).ShouldBe((master[action].Sha, master[action].Version), $"{action} is pinned differently in the master's workflows");
        }
    }
}
