namespace Katas.Tooling;

/// <summary>git, run as a child process with a time limit, never asking for a password.</summary>
public static class Git
{
    /// <summary>Runs git in <paramref name="folder"/>; its standard output, or an exception that says what failed.</summary>
    public static string Run(string folder, params string[] args)
    {
        var (outcome, output) = Start(folder, TimeSpan.FromMinutes(5), args);
        if (outcome.ExitCode != 0)
            throw new InvalidOperationException($"git {string.Join(' ', args)} failed in {folder}: {outcome.StandardError.Trim()}");
        return output;
    }

    /// <summary>Its standard output, trimmed, or null when git is missing, fails or prints nothing (for facts that may be absent).</summary>
    public static string? TryRun(string folder, params string[] args)
    {
        try
        {
            var (outcome, output) = Start(folder, TimeSpan.FromSeconds(10), args);
            return outcome.ExitCode == 0 && output.Trim().Length > 0 ? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception) { return null; } // no git on this machine
    }

    public static bool IsRepository(string folder) => Directory.Exists(Path.Combine(folder, ".git")) || File.Exists(Path.Combine(folder, ".git"));

    static (ProcessOutcome Outcome, string Output) Start(string folder, TimeSpan timeout, string[] args)
    {
        var lines = new List<string>();
        // A fixed identity: commits made by the tools (a student template, a solutions branch) do not
        // depend on, or fail for lack of, the user's git configuration.
        var outcome = ProcessRunner.RunAsync("git", ["-C", folder, "-c", "user.name=katas", "-c", "user.email=katas@localhost", .. args],
            folder, new Dictionary<string, string?> { ["GIT_TERMINAL_PROMPT"] = "0" }, timeout, line => { lock (lines) lines.Add(line); },
            CancellationToken.None).GetAwaiter().GetResult();
        lock (lines) return (outcome, string.Join('\n', lines));
    }
}
