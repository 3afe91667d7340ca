using Katas.Grader.Integrity;
using Katas.Grader.Layout;
using Katas.Grader.Running;

namespace Katas.Grader.EndToEnd.Steps;

/// <summary>
/// Every README step of every chapter can be passed on its own: each [Step(k)] test passes with
/// steps 1..k done as the solution does them and the later ones still stubs (<see cref="StepWalk"/>),
/// and every step has at least one test that passes so (not one skipped for want of a GPU). The
/// last step's tests run with every step open, which is the chapter's own test run.
/// The gated chapters are built once for all cases (<see cref="StepWalk"/>); each case is one run
/// of a chapter's tests.
/// </summary>
public class StepWalkTests(StepWalk walk) : IClassFixture<StepWalk>
{
    static string Repo => FixtureCourse.Repo;

    public static TheoryData<string> Chapters() => [.. Chapter.All(Repo).Select(c => c.Id)];

    [Theory]
    [MemberData(nameof(Chapters))]
    public async Task Every_step_has_a_test_that_passes_with_that_step_and_the_ones_before_it_done(string id)
    {
        var chapter = Chapter.Select(Repo, [id])[0];
        var report = await walk.RunAsync(chapter, TestContext.Current.CancellationToken);

        report.ReadmeSteps.ShouldNotBeEmpty($"{id}'s README has no numbered steps under '## Steps'");
        report.GatedSteps.ShouldBe(report.ReadmeSteps, $"{id}: the stubs' TODO numbers are the README's steps");
        var failed = report.Tests.Where(t => t.Result is not ("Pass" or "Skip")).ToList();
        failed.ShouldBeEmpty($"{id}: these tests do not pass with their step and the ones before it done (raise their [Step], " +
                             "or split the step):\n" + string.Join("\n", failed.Select(f => $"step {f.Step}: {f.Test}: {f.Message}")));
        report.Tests.Where(t => t.Step == report.LastStep).ShouldBeEmpty($"{id}: the last step's tests are the chapter's own run, not the walk's");
        foreach (var step in report.ReadmeSteps.Where(s => s != report.LastStep))
            report.Tests.Where(t => t.Step == step && t.Result == "Pass")
                .ShouldNotBeEmpty($"{id}: README step {step} has no test that passes once it is done");
        // The last step's tests pass in the chapter's own run (the same command): one of them must count on a CPU.
        var manifest = TestManifest.Load(Repo).ShouldNotBeNull();
        var gpuOnly = manifest.GpuOnly?.GetValueOrDefault(id) ?? [];
        manifest.Steps!.GetValueOrDefault(id)!.Where(t => t.Value == report.LastStep && !gpuOnly.Contains(t.Key))
            .ShouldNotBeEmpty($"{id}: README step {report.LastStep} has no test that runs without a GPU");
    }

    [Theory]
    [MemberData(nameof(Chapters))]
    public void Every_test_names_a_readme_step_and_the_manifest_carries_it(string id)
    {
        var chapter = Chapter.Select(Repo, [id])[0];
        var manifest = TestManifest.Load(Repo).ShouldNotBeNull();
        var tests = manifest.Tests[id].Keys;
        var steps = manifest.Steps.ShouldNotBeNull().GetValueOrDefault(id) ?? [];

        tests.Where(t => !steps.ContainsKey(t)).ShouldBeEmpty($"{id}: every test needs a [Step(n)] beside its [Points]");
        steps.Values.Distinct().Order().ToList().ShouldBe(Hints.ReadmeSteps(chapter), $"{id}: every README step has tests, and only README steps do");
    }
}
