using Katas.Grader.Layout;
using Katas.Grader.Integrity;
using Katas.Grader.Model;

namespace Katas.Grader.Running;

/// <summary>
/// What a test counts for on the machine that graded it. A [GpuOnly] test on a machine without
/// CUDA is "not counted here" from the start, whether the learner's code got as far as its skip or
/// not: so a chapter's maximum is fixed for the machine, and such a test is never the one to fix.
/// </summary>
public static class MachineScope
{
    public const string NotCountedHere = "needs a CUDA GPU: not counted on this machine";

    public static TestResult Apply(TestResult test, bool cuda)
    {
        if (!test.GpuOnly || cuda) return test;
        var cpuPart = test.Status is TestStatus.Failed or TestStatus.NotImplemented or TestStatus.Crashed or TestStatus.TimedOut
            ? $" (its CPU part: {test.Message})" : "";
        return test with { Status = TestStatus.Skipped, Points = 0, Message = NotCountedHere + cpuPart };
    }

    /// <summary>
    /// Step and device of a test from the (trusted) manifest where it lists the chapter: what the test
    /// process says of them is graded code's word, and a forged "GPU-only" would take a failing test
    /// out of the maximum. Without a manifest entry (e.g. an instructor's hidden test), the test's own.
    /// </summary>
    public static TestResult FromManifest(TestResult test, TestManifest? manifest, string chapter)
    {
        var steps = manifest?.Steps?.GetValueOrDefault(chapter);
        var gpuOnly = manifest?.GpuOnly?.GetValueOrDefault(chapter);
        var listed = manifest?.Tests.GetValueOrDefault(chapter)?.ContainsKey(test.Name) == true;
        if (!listed) return test;
        return test with
        {
            Step = steps is not null ? (steps.TryGetValue(test.Name, out var s) ? s : null) : test.Step,
            GpuOnly = gpuOnly is not null ? gpuOnly.Contains(test.Name) : test.GpuOnly,
        };
    }
}
