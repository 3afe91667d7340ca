using System.Diagnostics;

namespace Fixture.Tests;

/// <summary>
/// A grandchild that leaves the test host's process tree (its parent shell exits at once) and,
/// unless the grader kills the chapter's whole process group, waits for the grader's result files
/// and then rewrites them. The grader's tests check that it never gets that far.
/// </summary>
public class DetachedTests
{
    const string Script =
        "( for i in $(seq 600); do [ -f out/summary.md ] && break; sleep 0.2; done; sleep 1; " +
        "echo forged > out/result.json; echo alive > out/detached-child-was-here ) > /dev/null 2>&1 < /dev/null &";

    [Fact]
    public void A_detached_child_is_left_behind()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "a POSIX shell");
        using var shell = Process.Start(new ProcessStartInfo("sh") { ArgumentList = { "-c", Script }, UseShellExecute = false })!;
        shell.WaitForExit();
    }
}
