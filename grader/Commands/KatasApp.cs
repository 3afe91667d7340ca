using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Grader.Commands;

/// <summary>
/// `katas`'s commands, configured once: the program runs them, and the tests run the same
/// configuration in-process (Spectre's CommandAppTester, with a test console injected).
/// Exit codes: 0 = it ran (whatever the score); 2 = it could not run (bad arguments, no course,
/// ...); 3 = an --expect/--check was not met.
/// </summary>
public static class KatasApp
{
    public const int CouldNotRun = 2;

    /// <summary>Registers every command; `katas` alone is <see cref="StatusCommand"/>.</summary>
    public static void Configure(IConfigurator config)
    {
        config.SetApplicationName("katas");
        config.PropagateExceptions();
        config.AddCommand<GradeCommand>("grade")
            .WithDescription("Run every chapter's tests (each in its own process, time-limited) and score them.")
            .WithExample("grade").WithExample("grade", "--chapter", "2", "--device", "cuda")
            .WithExample("grade", "--track", Running.GradeOptions.SolutionsTrack, "--json", "cpu.json", "--markdown", "summary.md");
        config.AddCommand<WatchCommand>("watch").WithDescription("Re-run a chapter's tests whenever you save a file in it.");
        config.AddCommand<HintCommand>("hint").WithDescription("The next test to fix, and the chapter's hints for it.");
        config.AddCommand<DoctorCommand>("doctor").WithDescription("Check this machine: .NET, libstdc++, TorchSharp, CUDA, datasets, disk.");
        config.AddCommand<ReportCommand>("report").WithDescription("Put two result files (e.g. a CPU and a GPU run) side by side.");
        config.AddCommand<MergeCommand>("merge").WithDescription("Join result files of different chapters (graded on separate runners) into one.");
        config.AddBranch("export", export =>
        {
            export.SetDescription("For instructors: a student template without answers, or a solutions branch.");
            export.AddCommand<ExportStudentCommand>("student").WithDescription("Write a course template without the solutions (a fresh git repository).");
            export.AddCommand<ExportSolutionsBranchCommand>("solutions-branch").WithDescription("Create a git branch with every stub replaced by its solution; its tests must pass.");
            export.AddCommand<ExportGradescopeCommand>("gradescope").WithDescription("Write a Gradescope autograder zip: setup.sh, run_autograder and the course's trusted copy.");
        });
        config.AddCommand<GradeManyCommand>("grade-many").WithDescription("For instructors: grade every submission in a folder into a CSV gradebook.");
        config.AddCommand<ManifestCommand>("manifest").WithDescription("Write (or --check) grader/tests-manifest.json: test hashes and points.");
    }

    /// <summary>What `katas` prints for a failure that is the user's to fix (not a crash): one red line, exit code 2.</summary>
    public static bool IsUsageError(Exception e) => e is GraderException or CommandParseException or CommandRuntimeException;

    public static int Report(IAnsiConsole console, Exception e)
    {
        console.MarkupLine($"[red]katas: {Markup.Escape(e.Message)}[/]");
        return CouldNotRun;
    }
}
