namespace Katas.Kit.Tests;

/// <summary>
/// A Python that imports torch, for the tests that check PyTorch reads what C# writes: KATAS_PYTHON
/// if set, else python3 or /usr/bin/python3 (Debian's python3-torch). Where there is none those tests
/// show as skipped, with <see cref="SkipReason"/>: CI and learners need no Python.
/// </summary>
internal static class PythonWithTorch
{
    public const string SkipReason =
        "No Python with PyTorch here (KATAS_PYTHON, python3, /usr/bin/python3): install it to run this check " +
        "(Debian/Ubuntu: sudo apt-get install python3-torch; elsewhere: pip install torch).";

    static readonly Lazy<string?> Found = new(() =>
    {
        string?[] candidates = [Environment.GetEnvironmentVariable("KATAS_PYTHON"), "python3", "/usr/bin/python3"];
        return candidates.Where(p => !string.IsNullOrWhiteSpace(p)).FirstOrDefault(p => Run(p!, "-c", "import torch").ExitCode == 0);
    });

    public static string? Find() => Found.Value;

    /// <summary>Runs <paramref name="python"/> with <paramref name="arguments"/>: exit code and output (stdout, then stderr).</summary>
    public static (int ExitCode, string Output) Run(string python, params string[] arguments)
    {
        var lines = new List<string>();
        try
        {
            var outcome = ProcessRunner.RunAsync(python, arguments, Directory.GetCurrentDirectory(), null, TimeSpan.FromMinutes(2),
                line => { lock (lines) lines.Add(line); }, CancellationToken.None).GetAwaiter().GetResult();
            lock (lines) return (outcome.TimedOut ? -1 : outcome.ExitCode, string.Join('\n', lines) + '\n' + outcome.StandardError);
        }
        catch (System.ComponentModel.Win32Exception e) // no such program
        {
            return (-1, e.Message);
        }
    }
}
