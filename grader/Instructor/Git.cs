using Katas.Grader.Running;
using Katas.Kit;
using Katas.Tooling;

namespace Katas.Grader.Instructor;

/// <summary>The few git commands the instructor kit needs, with errors that say what failed.</summary>
internal static class Git
{
    public static string Run(string folder, params string[] args)
    {
        var outcome = ProcessRunner.RunAsync("git", ["-C", folder, "-c", "user.name=katas", "-c", "user.email=katas@localhost", .. args],
            folder, new Dictionary<string, string?> { ["GIT_TERMINAL_PROMPT"] = "0" }, TimeSpan.FromMinutes(5), Collect(out var output),
            CancellationToken.None).GetAwaiter().GetResult();
        if (outcome.ExitCode != 0)
            throw new GraderException($"git {string.Join(' ', args)} failed in {folder}: {outcome.StandardError.Trim()}");
        lock (output) return string.Join('\n', output);
    }

    public static bool IsRepository(string folder) => Directory.Exists(Path.Combine(folder, ".git")) || File.Exists(Path.Combine(folder, ".git"));

    static Action<string> Collect(out List<string> lines)
    {
        var list = new List<string>();
        lines = list;
        return line => { lock (list) list.Add(line); };
    }
}
