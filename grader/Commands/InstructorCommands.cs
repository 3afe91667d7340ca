using Katas.Grader.Layout;
using System.ComponentModel;
using Katas.Grader.Instructor;
using Katas.Grader.Model;
using Katas.Grader.Running;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Grader.Commands;

/// <summary>`katas export student DIR`: a course template without the answers.</summary>
public sealed class ExportStudentCommand(IAnsiConsole console) : Command<ExportStudentCommand.Settings>
{
    public sealed class Settings : CommonSettings
    {
        [CommandArgument(0, "<DIR>")]
        [Description("A new (or empty) folder for the template; it becomes a fresh git repository.")]
        public string Target { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var result = StudentExport.Run(settings.ResolveCourse().Root, settings.Target);
        console.MarkupLine($"[green]exported {result.Files} files to {Markup.Escape(result.Folder)}[/] (a fresh git repository, one commit)");
        foreach (var p in result.RemovedProjects) console.MarkupLine($"[grey]  removed from Katas.sln: {Markup.Escape(p)}[/]");
        console.MarkupLine("Push it as your course template; students work in exercises/, and pull requests are graded by .github/workflows/grade.yml.");
        return 0;
    }
}

/// <summary>`katas export solutions-branch`: a branch with every stub replaced by its solution, tests green.</summary>
public sealed class ExportSolutionsBranchCommand(IAnsiConsole console) : AsyncCommand<ExportSolutionsBranchCommand.Settings>
{
    public sealed class Settings : CommonSettings
    {
        [CommandOption("--branch <NAME>")]
        [DefaultValue(SolutionsBranch.DefaultBranch)]
        public string Branch { get; init; } = SolutionsBranch.DefaultBranch;

        [CommandOption("--chapter <N>")]
        [Description("Check only these chapters' tests (default: all).")]
        public string[] Chapters { get; init; } = [];
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var result = await SolutionsBranch.CreateAsync(settings.ResolveCourse().Root, settings.Branch, settings.Chapters, null, cancellationToken)
            .ConfigureAwait(false);
        console.MarkupLine($"[green]branch {Markup.Escape(result.Branch)} at {result.Commit}: {result.Check.Score.Points}/{result.Check.Score.MaxPoints} points, every test green[/]");
        console.MarkupLine($"Diff a student against it: [blue]git diff {Markup.Escape(result.Branch)} STUDENT_BRANCH -- exercises/[/]");
        return 0;
    }
}

/// <summary>`katas grade-many SUBMISSIONS`: a gradebook for a whole class.</summary>
public sealed class GradeManyCommand(IAnsiConsole console) : AsyncCommand<GradeManyCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SUBMISSIONS>")]
        [Description("A folder with one entry per student: a folder (a clone, or an unpacked zip) or a .zip.")]
        public string Submissions { get; init; } = "";

        [CommandOption("--trusted-tests <DIR>")]
        [Description("Your copy of the course: its tests, build files and Kit decide every grade.")]
        public string? TrustedTests { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Where gradebook.csv and each student's JSON go (default: SUBMISSIONS/../gradebook).")]
        public string? Out { get; init; }

        [CommandOption("--parallel <N>")]
        [Description("Submissions graded at once (default: half the cores, at least 1).")]
        public int? Parallel { get; init; }

        [CommandOption("--chapter <N>")]
        [Description("Grade only this chapter (number or folder name); repeat for several.")]
        public string[] Chapters { get; init; } = [];

        [CommandOption("--timeout <SECONDS>")]
        [Description("Time limit for one chapter's tests (default 300).")]
        [DefaultValue(300)]
        public int TimeoutSeconds { get; init; } = 300;

        [CommandOption("--extra-tests <DIR>")]
        [Description("Your hidden tests: DIR/<chapter>/*.cs, compiled into every submission's chapters.")]
        public string? ExtraTests { get; init; }

        [CommandOption("--unsandboxed")]
        [Description("Grade without the operating-system sandbox (bubblewrap), even a submission: its code then runs with your rights. Never for students' work you do not trust.")]
        public bool Unsandboxed { get; init; }

        [CommandOption("--show-hidden")]
        [Description("Write hidden tests' names and messages into each student's JSON (otherwise: \"hidden test failed\").")]
        public bool ShowHidden { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var submissions = Path.GetFullPath(settings.Submissions);
        if (!Directory.Exists(submissions)) throw new GraderException($"grade-many: {submissions} does not exist.");
        var output = Path.GetFullPath(settings.Out ?? Path.Combine(submissions, "..", "gradebook"));
        var options = new GradeOptions
        {
            TrustedTests = settings.TrustedTests is null ? null : Path.GetFullPath(settings.TrustedTests),
            Chapters = settings.Chapters, Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds),
            ExtraTests = settings.ExtraTests, ShowHidden = settings.ShowHidden, Sandbox = settings.Unsandboxed ? SandboxMode.Off : SandboxMode.Auto,
        };
        // Each student's tests use every core (libtorch threads): grading two per core only thrashes.
        var parallel = settings.Parallel ?? Math.Max(1, Environment.ProcessorCount / 2);
        if (parallel < 1) throw new GraderException("--parallel must be 1 or more.");
        var entries = Instructor.Submissions.List(submissions).Count;
        Gradebook.Outcome? outcome = null;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"grading the course's own stubs, then {entries} submissions, {parallel} at a time", maxValue: Math.Max(entries, 1));
                outcome = await Gradebook.GradeAllAsync(submissions, options, output, parallel, row =>
                {
                    task.Increment(1);
                    task.Description = Markup.Escape($"graded {row.Student}");
                }, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);

        var max = outcome!.Course.Score.MaxPoints;
        var table = new Table().RoundedBorder().AddColumn("Student").AddColumn("Points").AddColumn("Flags").AddColumn("Same code as");
        foreach (var row in outcome.Rows)
            table.AddRow(Markup.Escape(row.Student),
                row.Result is { } r ? $"{r.Score.Points} / {max}" : $"– / {max}",
                Markup.Escape(string.Join(", ", row.Flags) + (row.Error is null ? "" : ": " + row.Error)),
                Markup.Escape(row.SameCodeAs ?? ""));
        console.Write(table);
        console.MarkupLine($"[green]wrote {Markup.Escape(Path.Combine(output, "gradebook.csv"))}[/] and one JSON per graded student " +
                           $"({outcome.Rows.Count} rows, {outcome.Gradings} distinct codes graded, in {watch.Elapsed.TotalMinutes:0.0} min)");
        return 0;
    }
}
