namespace Fixture;

// Reads and writes outside the workspace, with the real folders filled in by the test (an attacker
// may know them: they are on the grader's command line): the course's reference solution, the
// grader's command line, the trusted course's tests, another submission, the workspace's own
// tests and the grader's home. Each attempt prints what it got; the grader's tests check that
// nothing got through. This chapter may use files (Tests/LearnerApi.txt), as chapter 6 does.
public static class Outside
{
    const string Trusted = "@TRUSTED@";
    const string Victim = "@VICTIM@";

    public static void Probe()
    {
        Try("read the solution in the workspace", () => File.ReadAllText(Above("solutions/02-Partial/Maths.cs")));
        Try("read the trusted course's solution", () => File.ReadAllText(Path.Combine(Trusted, "solutions/02-Partial/Maths.cs")));
        Try("read the grader's command line", () => string.Join(" | ", Directory.GetDirectories("/proc")
            .Select(p => Path.Combine(p, "cmdline")).Where(File.Exists).Select(File.ReadAllText).Where(c => c.Contains("trusted-tests"))));
        Try("write the trusted course's tests", () => Plant(Path.Combine(Trusted, "exercises/02-Partial/Tests/MathsTests.cs")));
        Try("write another submission", () => Plant(Path.Combine(Victim, "exercises/02-Partial/Planted.cs")));
        Try("write the workspace's tests", () => Plant(Above("exercises/02-Partial/Tests/MathsTests.cs")));
        Try("write the grader's home", () => Plant("/root/planted-by-a-submission"));
    }

    static string Plant(string path)
    {
        File.WriteAllText(path, "// planted by a submission");
        return "planted";
    }

    // The first folder above the current one that holds the path (the workspace's root holds solutions/).
    static string Above(string relative)
    {
        for (var dir = Directory.GetCurrentDirectory(); dir is not null; dir = Path.GetDirectoryName(dir))
            if (Path.Exists(Path.Combine(dir, relative))) return Path.Combine(dir, relative);
        return Path.Combine(Directory.GetCurrentDirectory(), relative);
    }

    static void Try(string what, Func<string> attempt)
    {
        string got;
        try { got = attempt(); got = got.Length == 0 ? "nothing" : "GOT " + got.Replace('\n', ' '); }
        catch (Exception e) { got = "refused (" + e.GetType().Name + ")"; }
        Console.WriteLine($"outside: {what}: {got}");
    }
}
