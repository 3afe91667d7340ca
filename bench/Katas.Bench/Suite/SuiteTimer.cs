using Katas.Kit;
using Katas.Tooling;

namespace Katas.Bench.Suite;

/// <summary>Wall time of one command (seconds), as a learner or CI would run it.</summary>
public sealed record TimedCommand(string Command, double Seconds, int ExitCode);

/// <summary>
/// The solutions' test suite timed three ways, after one untimed build: the README's command
/// (every test project), each chapter with `dotnet test`, and every chapter through the grader.
/// The grader's overhead is its time minus the chapters' `dotnet test` time: the same tests run.
/// </summary>
public sealed record SuiteTimes(TimedCommand ReadmeCommand, IReadOnlyList<TimedCommand> Chapters, TimedCommand Grader)
{
    public double ChaptersSeconds => Chapters.Sum(c => c.Seconds);
    public double GraderOverheadSeconds => Grader.Seconds - ChaptersSeconds;

    public static SuiteTimes Measure(string repo, Action<string> progress)
    {
        progress("building both tracks' solutions (untimed)");
        Check(Run(repo, "build", "Katas.sln", "-p:KataTrack=solutions", "-v", "q", "-nologo"));
        Check(Run(repo, "build", "grader", "-v", "q", "-nologo"));

        progress("the README's test command");
        var readme = Run(repo, "test", "-p:KataTrack=solutions");
        var chapters = new List<TimedCommand>();
        foreach (var project in Directory.GetDirectories(Path.Combine(repo, "exercises")).Order(StringComparer.Ordinal)
                     .SelectMany(d => Directory.GetFiles(d, "*.csproj")))
        {
            var relative = Path.GetRelativePath(repo, project).Replace('\\', '/');
            progress($"dotnet test {relative}");
            chapters.Add(Run(repo, "test", relative, "-p:KataTrack=solutions"));
        }
        progress("katas grade --track solutions");
        var grader = Run(repo, "run", "--project", "grader", "--no-build", "--", "grade", "--track", "solutions",
            "--json", Path.Combine(Path.GetTempPath(), "katas-bench-grade.json"));
        return new SuiteTimes(readme, chapters, grader);
    }

    static void Check(TimedCommand command)
    {
        if (command.ExitCode != 0)
            throw new BenchException($"`{command.Command}` failed (exit code {command.ExitCode}): fix the build before timing the suite.");
    }

    /// <summary>Runs `dotnet ARGUMENTS` in the repository (arguments passed as they are: paths may hold spaces).</summary>
    internal static TimedCommand Run(string repo, params string[] arguments)
    {
        // Kit's ProcessRunner (the grader's too): output drained, a runaway killed with its children.
        var outcome = ProcessRunner.RunAsync("dotnet", arguments, repo, null, TimeSpan.FromHours(1), null, CancellationToken.None)
            .GetAwaiter().GetResult();
        return new TimedCommand("dotnet " + string.Join(' ', arguments), outcome.Duration.TotalSeconds, outcome.TimedOut ? -1 : outcome.ExitCode);
    }
}
