using System.Diagnostics;

namespace Katas.Grader.EndToEnd;

/// <summary>`katas` through its real command line, in its own process, as CI and instructors run it.</summary>
internal static class KatasCli
{
    public sealed record Run(int ExitCode, string Console, TimeSpan Elapsed, DateTimeOffset ExitedAt);

    public static async Task<Run> RunAsync(params string[] arguments)
    {
        var grader = Path.Combine(AppContext.BaseDirectory, "katas.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(grader);
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.Environment["COLUMNS"] = "200";
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new(process.ExitCode, await output + await error, watch.Elapsed, DateTimeOffset.Now);
    }
}
