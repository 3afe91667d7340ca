using System.Text.RegularExpressions;

namespace Katas.Workflows.Tests;

/// <summary>
/// The properties that make pull-request grading trustworthy (docs/workflows.md), checked on the
/// workflow files as YAML. GitHub cannot be reached from here: eng/ci/check-pr-path.sh plays the
/// hostile pull requests through the scripts these workflows call.
/// </summary>
public partial class WorkflowTests
{
    static readonly Workflow Grade = Workflow.Named("grade.yml");
    static readonly Workflow Submission = Workflow.Named("submission.yml");
    static readonly Workflow Ci = Workflow.Named("ci.yml");

    [Fact]
    public void Grading_is_started_by_workflow_run_so_its_definition_comes_from_the_default_branch()
    {
        Grade.Triggers.ShouldBe(["workflow_run"]);
        var run = Workflow.Child(Grade.On, "workflow_run");
        Workflow.Child(run, "workflows").ShouldBeOfType<YamlDotNet.RepresentationModel.YamlSequenceNode>()
            .Children.Select(c => c.ToString()).ShouldBe([Submission.Name]);
        Workflow.Child(run, "types")!.ToString().ShouldContain("completed");
        var plan = Grade.Job("plan").If!;
        plan.ShouldContain("github.event.workflow_run.event == 'pull_request'");
        plan.ShouldContain("github.event.workflow_run.conclusion == 'success'", customMessage: "a failed or cancelled trigger is not graded");
    }

    [Fact]
    public void No_workflow_runs_on_pull_request_target_and_those_on_pull_request_cannot_write()
    {
        foreach (var w in Workflow.All())
        {
            w.Triggers.ShouldNotContain("pull_request_target", w.File);
            if (!w.Triggers.Contains("pull_request")) continue;
            w.Permissions.ShouldNotBeNull($"{w.File}: top-level permissions");
            Workflow.PermissionsOf(w.Permissions).Values.ShouldAllBe(v => v == "read", w.File);
            foreach (var job in w.Jobs)
                Workflow.PermissionsOf(job.Permissions!).Values.ShouldAllBe(v => v == "read", job.ToString());
        }
    }

    [Fact]
    public void The_pull_requests_own_workflow_has_no_permissions_checks_out_nothing_and_uses_no_action()
    {
        Submission.Triggers.ShouldBe(["pull_request"]);
        Workflow.PermissionsOf(Submission.Permissions!).ShouldBeEmpty();
        var job = Submission.Jobs.ShouldHaveSingleItem();
        Workflow.PermissionsOf(job.Permissions!).ShouldBeEmpty();
        job.Steps.ShouldAllBe(s => s.Uses == null);
    }

    [Fact]
    public void Every_job_declares_its_permissions_and_only_the_posting_job_can_write()
    {
        foreach (var w in Workflow.All())
        {
            w.Permissions.ShouldNotBeNull($"{w.File}: top-level permissions");
            Workflow.PermissionsOf(w.Permissions).Values.ShouldAllBe(v => v == "read", w.File);
            foreach (var job in w.Jobs)
            {
                job.Permissions.ShouldNotBeNull($"{job}: permissions");
                var writes = Workflow.PermissionsOf(job.Permissions).Where(p => p.Value != "read").ToList();
                if (job.ToString() == "grade.yml: post")
                    writes.ShouldBe([new("pull-requests", "write"), new("checks", "write")], ignoreOrder: true);
                else
                    writes.ShouldBeEmpty(job.ToString());
            }
        }
    }

    [Fact]
    public void Jobs_that_run_the_students_code_are_read_only_have_no_secrets_and_never_post()
    {
        var grading = Grade.Jobs.Where(j => j.SubmissionCheckouts.Any()).Select(j => j.Id).ToList();
        grading.ShouldBe(["chapter", "gpu"], ignoreOrder: true);
        foreach (var id in grading)
        {
            var job = Grade.Job(id);
            Workflow.PermissionsOf(job.Permissions!).ShouldBe(new Dictionary<string, string> { ["contents"] = "read" });
            job.Steps.ShouldAllBe(s => s.EnvAll.Values.All(v => !v.Contains("secrets.") && !v.Contains("github.token")), job.ToString());
            job.Steps.ShouldAllBe(s => (s.With("token") ?? "") == "", job.ToString());
            job.SubmissionCheckouts.ShouldAllBe(s => s.With("repository") == null && s.With("ref") == "${{ github.event.workflow_run.head_sha }}",
                "the graded commit is the triggering run's head, fetched from this repository");
            foreach (var checkout in job.Steps.Where(s => s.Uses?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true))
                checkout.With("persist-credentials").ShouldBe("false", $"{job}: {checkout}");
            // The grading scripts are the trusted checkout's, never the submission's.
            job.Steps.Where(s => s.Run is not null).ShouldAllBe(s => !s.Run!.Contains("submission/"), job.ToString());
        }
        string.Join('\n', Grade.Lines).ShouldNotContain("secrets.");
        var post = Grade.Job("post");
        post.SubmissionCheckouts.ShouldBeEmpty();
        post.Steps.Where(s => s.Uses?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true)
            .ShouldAllBe(s => s.With("repository") == null && s.With("ref") == "${{ github.sha }}");
        post.Needs.ShouldBe(["plan", "merge"], ignoreOrder: true);
    }

    [Fact]
    public void The_pull_request_is_found_from_github_by_head_sha_never_from_an_artifact()
    {
        var find = Grade.Job("plan").Steps.Single(s => s.Run?.Contains("eng/ci/find-pr.sh", StringComparison.Ordinal) == true);
        find.Env("HEAD_SHA").ShouldBe("${{ github.event.workflow_run.head_sha }}");
        var post = Grade.Job("post").Steps.Single(s => s.Run?.Contains("eng/ci/post-grade.sh", StringComparison.Ordinal) == true);
        post.Env("PR").ShouldBe("${{ needs.plan.outputs.pr }}");
        post.Env("HEAD_SHA").ShouldBe("${{ github.event.workflow_run.head_sha }}", "the posting script compares it with the pull request's head now");
        string.Join('\n', Grade.Lines).ShouldNotContain("pr-number");
        Grade.Jobs.SelectMany(j => j.Steps).Where(s => s.Uses?.StartsWith("actions/download-artifact@", StringComparison.Ordinal) == true)
            .ShouldAllBe(s => s.With("run-id") == null && s.With("repository") == null, "artifacts only from this run, never the triggering one");
    }

    [Fact]
    public void Run_scripts_never_expand_expressions_so_a_branch_name_cannot_become_code()
    {
        foreach (var w in Workflow.All())
            foreach (var job in w.Jobs)
                job.Steps.Where(s => s.Run is not null).ShouldAllBe(s => !s.Run!.Contains("${{"), job.ToString());
    }

    [Fact]
    public void Every_job_has_a_timeout_of_at_most_an_hour()
    {
        foreach (var job in Workflow.All().SelectMany(w => w.Jobs))
        {
            job.TimeoutMinutes.ShouldNotBeNull($"{job}: timeout-minutes (GitHub's default is 6 hours)");
            int.Parse(job.TimeoutMinutes, System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 60, job.ToString());
        }
    }

    [GeneratedRegex(@"^\s*(?:-\s+)?uses:\s*(?<action>[^\s#]+)\s*(?:#\s*(?<version>\S+))?\s*$")]
    private static partial Regex UsesLine();

    [Fact]
    public void Every_action_is_pinned_by_a_full_commit_sha_with_its_version_in_a_comment()
    {
        var uses = Workflow.All().SelectMany(w => w.Lines.Select(l => UsesLine().Match(l)).Where(m => m.Success)
            .Select(m => (w.File, Action: m.Groups["action"].Value, Version: m.Groups["version"].Value))).ToList();
        uses.Count.ShouldBeGreaterThan(10);
        foreach (var (file, action, version) in uses)
        {
            action.ShouldMatch(@"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$", $"{file}: {action} is not pinned by a full commit SHA");
            version.ShouldMatch(@"^v\d+\.\d+\.\d+$", $"{file}: {action} has no '# vX.Y.Z' comment (Dependabot and actionlint read it)");
        }
        uses.GroupBy(u => u.Action).ShouldAllBe(g => g.Select(u => u.Version).Distinct().Count() == 1, "one SHA, one version");
        uses.GroupBy(u => u.Action.Split('@')[0]).ShouldAllBe(g => g.Select(u => u.Action).Distinct().Count() == 1, "every use of an action pinned alike");
    }

    [Fact]
    public void Dependabot_keeps_the_pinned_actions_current()
    {
        var path = Path.Combine(Workflow.Folder, "..", "dependabot.yml");
        var yaml = new YamlDotNet.RepresentationModel.YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(path)));
        var updates = (YamlDotNet.RepresentationModel.YamlSequenceNode)Workflow.Child(yaml.Documents[0].RootNode, "updates")!;
        updates.Children.ShouldContain(u => Workflow.Scalar(u, "package-ecosystem") == "github-actions" && Workflow.Scalar(u, "directory") == "/");
    }

    [Fact]
    public void No_workflow_uses_the_actions_cache()
    {
        // A job that runs students' code on workflow_run writes to the default branch's cache scope
        // (the cache token bypasses `permissions`): anything restoring from it could be poisoned.
        foreach (var w in Workflow.All())
            foreach (var step in w.Jobs.SelectMany(j => j.Steps))
            {
                (step.Uses ?? "").ShouldNotStartWith("actions/cache", Case.Sensitive, w.File);
                step.With("cache").ShouldBeNull($"{w.File}: {step}");
            }
    }

    [Fact]
    public void A_newer_commit_cancels_the_older_grading_and_runs_on_main_are_never_cancelled()
    {
        var grade = Grade.Root.Children[new YamlDotNet.RepresentationModel.YamlScalarNode("concurrency")];
        var group = Workflow.Scalar(grade, "group")!;
        group.ShouldContain("github.event.workflow_run.head_repository.full_name");
        group.ShouldContain("github.event.workflow_run.head_branch");
        Workflow.Scalar(grade, "cancel-in-progress").ShouldBe("true");

        var ci = Ci.Root.Children[new YamlDotNet.RepresentationModel.YamlScalarNode("concurrency")];
        Workflow.Scalar(ci, "group")!.ShouldContain("github.event.pull_request.number");
        Workflow.Scalar(ci, "cancel-in-progress").ShouldBe("${{ github.event_name == 'pull_request' }}");
    }

    [Fact]
    public void Ci_runs_once_per_change_pushes_to_main_and_pull_requests()
    {
        Ci.Triggers.ShouldBe(["push", "pull_request", "workflow_dispatch"], ignoreOrder: true);
        Workflow.Child(Workflow.Child(Ci.On, "push"), "branches")!.ToString().ShouldBe("[ main ]");
    }

    [Fact]
    public void Every_planned_chapter_reaches_the_merge_and_every_upload_runs_always()
    {
        var merge = Grade.Job("merge");
        merge.If!.ShouldStartWith("always()");
        merge.Steps.Single(s => s.Run?.Contains("eng/ci/merge-grades.sh", StringComparison.Ordinal) == true)
            .Env("CHAPTERS").ShouldBe("${{ needs.plan.outputs.chapters }}");
        foreach (var w in Workflow.All())
            foreach (var job in w.Jobs)
                job.Steps.Where(s => s.Uses?.StartsWith("actions/upload-artifact@", StringComparison.Ordinal) == true)
                    .ShouldAllBe(s => s.If == "always()", job.ToString());
    }

    [Fact]
    public void The_gpu_runner_is_reached_only_behind_the_protected_environment_and_never_by_a_fork_unless_allowed()
    {
        var gpu = Grade.Job("gpu");
        gpu.Environment.ShouldBe("katas-gpu");
        var guard = gpu.If!;
        guard.ShouldContain("needs.plan.outputs.found == 'true'");
        guard.ShouldContain("vars.KATAS_GPU_RUNNER_LABELS != ''");
        guard.ShouldContain("github.event.workflow_run.head_repository.full_name == github.repository");
        guard.ShouldContain("vars.KATAS_GPU_FORK_PULL_REQUESTS == 'with-approval'");
        var grading = gpu.Steps.Single(s => s.Run?.Contains("grade-submission.sh", StringComparison.Ordinal) == true);
        grading.Env("NUGET_PACKAGES").ShouldBe("${{ runner.temp }}/nuget-packages", "no package folder shared between students");
        var cleanup = gpu.Steps[^1];
        cleanup.If.ShouldBe("always()");
        cleanup.Run!.ShouldContain("nuget-packages");

        var ciGpu = Ci.Job("gpu");
        ciGpu.If!.ShouldContain("github.event_name != 'pull_request'");
        ciGpu.Steps.Where(s => s.Run?.Contains("dotnet", StringComparison.Ordinal) == true || s.Run?.Contains("eng/ci/", StringComparison.Ordinal) == true)
            .ShouldAllBe(s => s.Env("NUGET_PACKAGES") == "${{ runner.temp }}/nuget-packages");
    }

    [Fact]
    public void Every_script_a_workflow_calls_exists()
    {
        var root = RepoPaths.Root!;
        var scripts = Workflow.All().SelectMany(w => w.Jobs).SelectMany(j => j.Steps).Where(s => s.Run is not null)
            .SelectMany(s => Regex.Matches(s.Run!, @"eng/ci/[\w-]+\.sh").Select(m => m.Value)).Distinct().ToList();
        scripts.ShouldContain("eng/ci/post-grade.sh");
        scripts.ShouldAllBe(s => File.Exists(Path.Combine(root, s)));
    }
}
