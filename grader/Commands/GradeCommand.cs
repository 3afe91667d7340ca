using Katas.Tooling;
using Katas.Grader.Layout;
using System.ComponentModel;
using Katas.Grader.Model;
using Katas.Grader.Core;
using Katas.Grader.Rendering;
using Katas.Grader.Rendering.Formats;
using Katas.Grader.Running;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Katas.Grader.Commands;

/// <summary>`katas grade`: every chapter (or some) in its own processes; results in the forms asked for.</summary>
public sealed class GradeCommand(IAnsiConsole console) : AsyncCommand<GradeCommand.Settings>
{
    public sealed class Settings : CommonSettings
    {
        [CommandOption("--track <TRACK>")]
        [Description("exercises (your code, the default) or solutions.")]
        [DefaultValue(GradeOptions.ExercisesTrack)]
        public string Track { get; init; } = GradeOptions.ExercisesTrack;

        [CommandOption("--device <DEVICE>")]
        [Description("cpu (default), cuda or auto: passed to the tests as KATAS_DEVICE.")]
        [DefaultValue("cpu")]
        public string Device { get; init; } = "cpu";

        [CommandOption("--chapter <N>")]
        [Description("Grade only this chapter (number or folder name); repeat for several.")]
        public string[] Chapters { get; init; } = [];

        [CommandOption("--timeout <SECONDS>")]
        [Description("Time limit for one chapter's tests (default 300).")]
        [DefaultValue(300)]
        public int TimeoutSeconds { get; init; } = 300;

        [CommandOption("--json <FILE>")]
        [Description("Write the result as JSON (schema: docs/grader.md).")]
        public string? Json { get; init; }

        [CommandOption("--markdown <FILE>")]
        [Description("Write a Markdown summary (GitHub job summary, pull-request comment).")]
        public string? Markdown { get; init; }

        [CommandOption("--exercism <DIR>")]
        [Description("Write an Exercism-style results.json (version 3) per chapter under DIR.")]
        public string? Exercism { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("Also write the result as FORMAT[[=PATH]]: json, markdown, exercism, classroom, gradescope, prairielearn (repeat, or comma-separate, for several; console is always shown).")]
        public string[] Formats { get; init; } = [];

        [CommandOption("--trusted-tests <DIR>")]
        [Description("Grade with the tests and build files of this trusted copy; only your .cs files are taken from the submission.")]
        public string? TrustedTests { get; init; }

        [CommandOption("--extra-tests <DIR>")]
        [Description("An instructor's hidden tests: DIR/<chapter>/*.cs, compiled into the chapters at grading time.")]
        public string? ExtraTests { get; init; }

        [CommandOption("--unsandboxed")]
        [Description("Grade without the operating-system sandbox (bubblewrap), even a submission: its code then runs with your rights. Never for students' work you do not trust.")]
        public bool Unsandboxed { get; init; }

        [CommandOption("--show-hidden")]
        [Description("Show hidden tests' names and messages (the instructor's view); students otherwise see only \"hidden test failed\".")]
        public bool ShowHidden { get; init; }

        [CommandOption("--expect <OUTCOME>")]
        [Description("For CI: exit with code 3 unless every test is 'passed' or every test is 'not-implemented'.")]
        public string? Expect { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var course = settings.ResolveCourse();
        if (settings.Expect is not (null or "passed" or "not-implemented"))
            throw new GraderException($"--expect {settings.Expect}: use passed or not-implemented.");
        var options = new GradeOptions
        {
            Track = settings.Track, Device = settings.Device, Chapters = settings.Chapters,
            Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds), TrustedTests = settings.TrustedTests,
            ExtraTests = settings.ExtraTests, ShowHidden = settings.ShowHidden, Sandbox = settings.Unsandboxed ? SandboxMode.Off : SandboxMode.Auto,
        };
        var formats = ResultFormats.Parse(settings.Formats, course.Root); // a bad name fails before an hour of grading
        var result = await GradeWithProgressAsync(console, course, options, cancellationToken).ConfigureAwait(false);

        // Files first: they must exist whatever the console shows.
        if (settings.Json is { } json) JsonResults.Write(result, json);
        if (settings.Markdown is { } md) AtomicFile.WriteAllText(md, MarkdownReport.Render(result));
        if (settings.Exercism is { } ex) ExercismResults.Write(result, ex, TestSources.For(result, course.Root));
        ResultFormats.WriteAll(formats, result, console.Profile.Out.Writer);

        // The learner's own code, graded locally, is their progress; "Next" looks at the whole course
        // (chapters never graded too): "All done" means every chapter.
        ConsoleReport.Render(console, result, showNext: false);
        if (options.Track == GradeOptions.ExercisesTrack && options.TrustedTests is null && options.ExtraTests is null)
        {
            var progress = LearnerProgress.Record(course, result);
            ConsoleReport.Next(console, progress.Overview(), progress.Lessons(), progress.LastGraded);
        }
        console.WriteLine(Words.ClassroomLine(result.Score));
        return settings.Expect is null ? 0 : Expectation.Check(console, result, settings.Expect);
    }

    /// <summary>Grades with a progress bar per chapter.</summary>
    public static async Task<GradeResult> GradeWithProgressAsync(IAnsiConsole console, Course course, GradeOptions options, CancellationToken cancel)
        => await GradeWithProgressAsync(console, course, options, null, cancel).ConfigureAwait(false);

    /// <summary>Grades with a progress bar per chapter; <paramref name="recompile"/>: watch's fast path.</summary>
    public static async Task<GradeResult> GradeWithProgressAsync(IAnsiConsole console, Course course, GradeOptions options, Recompile? recompile,
        CancellationToken cancel)
    {
        GradeResult? result = null;
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                result = await Grading.RunAsync(course.Root, options, new ConsoleProgress(ctx, course), recompile, cancel).ConfigureAwait(false);
            }).ConfigureAwait(false);
        return result!;
    }

    sealed class ConsoleProgress(ProgressContext ctx, Course course) : IGradingProgress
    {
        readonly Dictionary<string, ProgressTask> _tasks = [];
        readonly Integrity.TestManifest? _manifest = Integrity.TestManifest.Load(course.Root);

        ProgressTask TaskFor(Chapter chapter)
        {
            if (_tasks.TryGetValue(chapter.Id, out var task)) return task;
            var known = _manifest?.Tests.GetValueOrDefault(chapter.Id)?.Count ?? 0;
            task = ctx.AddTask(Markup.Escape($"{chapter.Number}. {chapter.Title}"), maxValue: Math.Max(known, 1));
            task.IsIndeterminate = known == 0;
            return _tasks[chapter.Id] = task;
        }

        public void ChapterStarted(Chapter chapter, string phase)
        {
            var task = TaskFor(chapter);
            task.Description = Markup.Escape($"{chapter.Number}. {chapter.Title} ({phase})");
            task.StartTask();
        }

        public void TestFinished(Chapter chapter, TestResult test)
        {
            var task = TaskFor(chapter);
            if (task.Value + 1 > task.MaxValue) task.MaxValue = task.Value + 1;
            task.Increment(1);
        }

        public void ChapterFinished(ChapterResult result)
        {
            var task = _tasks.GetValueOrDefault(result.Id);
            if (task is null) return;
            task.Description = Markup.Escape($"{result.Number}. {result.Title}: {result.Points}/{result.MaxPoints}");
            task.IsIndeterminate = false;
            task.Value = task.MaxValue;
            task.StopTask();
        }
    }
}

/// <summary>--expect: CI's both-ways check through the grader.</summary>
public static class Expectation
{
    public const int NotMet = 3;

    public static int Check(IAnsiConsole console, GradeResult result, string expected)
    {
        var want = expected == "passed" ? TestStatus.Passed : TestStatus.NotImplemented;
        var offenders = result.Chapters.SelectMany(c => c.Tests.Select(t => (c, t)))
            .Where(x => x.t.Status != want && x.t.Status != TestStatus.Skipped).ToList();
        var broken = result.Chapters.Where(c => c.Broken).ToList();
        foreach (var c in broken) console.MarkupLine($"[red]expected {expected}: {Markup.Escape(c.Id)} {Words.Label(c.Status)}: {Markup.Escape(c.Message ?? "")}[/]");
        foreach (var (c, t) in offenders)
            console.MarkupLine($"[red]expected {expected}: {Markup.Escape(c.Id)} {Markup.Escape(t.Method)} is {Words.Label(t.Status)}: {Markup.Escape(Words.Brief(t.Message))}[/]");
        var total = result.Chapters.Sum(c => c.Tests.Count);
        var ok = offenders.Count == 0 && broken.Count == 0 && total > 0;
        console.MarkupLine(ok ? $"[green]expectation met: all {total} tests {expected} (skipped ones aside)[/]"
                              : $"[red]expectation not met: {offenders.Count} of {total} tests are not {expected}[/]");
        return ok ? 0 : NotMet;
    }
}
