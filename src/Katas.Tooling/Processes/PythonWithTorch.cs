namespace Katas.Tooling;

/// <summary>
/// A Python that imports torch, for what checks C# against PyTorch itself (the benchmark's Python
/// peers, the tests that PyTorch reads the files C# writes). Nothing in the course needs one.
/// </summary>
public static class PythonWithTorch
{
    /// <summary>The environment variable that names the Python to use.</summary>
    public const string Variable = "KATAS_PYTHON";

    public const string HowToInstall = "Debian/Ubuntu: sudo apt-get install python3-torch; elsewhere: pip install torch";

    /// <summary>
    /// The Python asked for (<paramref name="requested"/>, else KATAS_PYTHON), if it imports torch;
    /// when none is asked for, the first of python3, /usr/bin/python3, python that does. Null when
    /// there is none; <paramref name="tried"/> then says why each candidate failed, one line each.
    /// </summary>
    public static string? Find(string? requested, out IReadOnlyList<string> tried)
    {
        requested = string.IsNullOrWhiteSpace(requested) ? Environment.GetEnvironmentVariable(Variable) : requested;
        string[] candidates = string.IsNullOrWhiteSpace(requested) ? ["python3", "/usr/bin/python3", "python"] : [requested];
        var failures = new List<string>();
        tried = failures;
        foreach (var python in candidates)
        {
            var (code, output) = Run(python, ["-c", "import torch; print(torch.__version__)"], TimeSpan.FromMinutes(1));
            if (code == 0) return python;
            failures.Add($"{python}: {output.Trim().Split('\n').LastOrDefault()?.Trim()}");
        }
        return null;
    }

    /// <summary>Runs a program (Kit's ProcessRunner): its exit code and output (stdout, then stderr); one that cannot start, or runs out of time, gives -1.</summary>
    public static (int ExitCode, string Output) Run(string program, IEnumerable<string> arguments, TimeSpan limit,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var output = new List<string>();
        try
        {
            var outcome = ProcessRunner.RunAsync(program, arguments, Directory.GetCurrentDirectory(), environment, limit,
                line => { lock (output) output.Add(line); }, CancellationToken.None).GetAwaiter().GetResult();
            lock (output)
                return outcome.TimedOut
                    ? (-1, $"{program} ran longer than {limit.TotalMinutes:0} minutes and was stopped.")
                    : (outcome.ExitCode, string.Join('\n', output) + '\n' + outcome.StandardError);
        }
        catch (System.ComponentModel.Win32Exception e) // no such program
        {
            return (-1, e.Message);
        }
    }
}
