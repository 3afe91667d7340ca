using System.Diagnostics;

namespace Katas.Tooling;

/// <summary>How a child process ended.</summary>
public sealed record ProcessOutcome(int ExitCode, bool TimedOut, string StandardError, TimeSpan Duration);

/// <summary>
/// Runs a child process with a time limit; a process that overruns is killed with its children.
/// With <c>ownProcessGroup</c> (Linux, where setsid(1) exists) the child leads a process group of its
/// own, and the whole group is killed when the child ends, however it ends: a grandchild that
/// detached itself from the child's tree cannot outlive it.
/// </summary>
public static class ProcessRunner
{
    /// <param name="onLine">Called with each line of standard output, as it arrives.</param>
    /// <param name="firstInput">A line written to the child's standard input before anything else (a secret it must read first).</param>
    /// <param name="sandbox">Run it in the operating-system sandbox (<see cref="Sandbox"/>) with this view of the machine;
    /// <paramref name="environment"/> is then ignored: the spec holds the whole environment.</param>
    public static async Task<ProcessOutcome> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment, TimeSpan timeout, Action<string>? onLine, CancellationToken cancel,
        TimeSpan? drainAfterExit = null, bool acknowledgeLines = false, bool ownProcessGroup = false, string? firstInput = null,
        SandboxSpec? sandbox = null)
    {
        if (sandbox is not null)
        {
            (fileName, var wrapped) = Sandbox.Wrap(fileName, arguments, workingDirectory, sandbox);
            arguments = wrapped;
        }
        var grouped = ownProcessGroup && OperatingSystem.IsLinux() && File.Exists(SetSid);
        var start = new ProcessStartInfo(grouped ? SetSid : fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        // setsid(1) run by a process that is not a group leader execs the program in place: same
        // process id, which is then also the id of its new process group.
        if (grouped) start.ArgumentList.Add(fileName);
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (k, v) in environment ?? new Dictionary<string, string?>()) start.Environment[k] = v;

        var watch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        var stderr = new System.Text.StringBuilder();
        var stdoutDone = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) { stdoutDone.TrySetResult(); return; }
            onLine?.Invoke(e.Data);
            if (!acknowledgeLines) return;
            // The child waits for this newline before it goes on (xunit's "-automated sync"), so a
            // message is never lost in a buffer when the child dies right after writing it.
            try { process.StandardInput.WriteLine(); process.StandardInput.Flush(); }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException) { }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (stderr) if (stderr.Length < 64_000) stderr.AppendLine(e.Data);
        };
        process.Start();
        if (firstInput is not null)
        {
            try { process.StandardInput.WriteLine(firstInput); process.StandardInput.Flush(); }
            catch (IOException) { /* it died at once: its outcome says so */ }
        }
        // Otherwise a child that waits for input gets end-of-file at once, not a hang.
        if (!acknowledgeLines) process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            // Exited: let the reader drain what the process wrote last.
            await stdoutDone.Task.WaitAsync(drainAfterExit ?? TimeSpan.FromSeconds(10), CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            timedOut = !cancel.IsCancellationRequested;
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancel.ThrowIfCancellationRequested();
        }
        catch (TimeoutException) { /* the output pipe stayed open (a grandchild holds it): what we have is enough */ }
        finally
        {
            if (grouped) KillGroup(process.Id);
        }
        lock (stderr) return new ProcessOutcome(process.HasExited ? process.ExitCode : -1, timedOut, stderr.ToString(), watch.Elapsed);
    }

    const string SetSid = "/usr/bin/setsid";

    /// <summary>SIGKILL to every process of the group (kill(1) with a negative id).</summary>
    static void KillGroup(int group)
    {
        try
        {
            using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-KILL", "--", $"-{group}" }, RedirectStandardError = true, UseShellExecute = false });
            kill?.WaitForExit(5000);
        }
        catch (System.ComponentModel.Win32Exception) { /* no kill(1): the process tree was killed on time-outs anyway */ }
    }
}
