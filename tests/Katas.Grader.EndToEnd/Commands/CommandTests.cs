using Katas.Grader.Commands;
using Katas.Grader.Model;
using Katas.Tooling;
using Spectre.Console.Cli.Testing;

namespace Katas.Grader.EndToEnd.Commands;

/// <summary>A fixture course graded once (chapter 1, in-process), for the commands that read progress.</summary>
public sealed class InProcessCourse : IAsyncLifetime
{
    readonly FixtureCourse _course = new("commands");

    public string Root => _course.Root;
    public CommandAppResult Graded { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Graded = await CommandTests.Katas("grade", "--repo", Root, "--chapter", "1", "--chapter", "2", "--timeout", "30",
            "--format", $"json={_course.PathOf("out/a.json")}", "--format", $"markdown={_course.PathOf("out/a.md")}");

    public string PathOf(string relative) => _course.PathOf(relative);

    public ValueTask DisposeAsync()
    {
        _course.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// Every command of `katas`, run in this process with Spectre's CommandAppTester and the program's
/// own configuration (<see cref="KatasApp"/>): a test console is injected where the program has the
/// terminal. (GradedCourse and HostileGrading keep end-to-end runs of the real binary.)
/// </summary>
public sealed class CommandTests(InProcessCourse course) : IClassFixture<InProcessCourse>
{
    internal static Task<CommandAppResult> Katas(params string[] args) => Katas(CancellationToken.None, args);

    internal static async Task<CommandAppResult> Katas(CancellationToken cancel, params string[] args)
    {
        var app = new CommandAppTester(new CommandAppTesterSettings { TrimConsoleOutput = false });
        app.SetDefaultCommand<StatusCommand>();
        app.Configure(KatasApp.Configure);
        app.Console.Profile.Width = 200;
        return await app.RunAsync(args, cancel);
    }

    [Fact]
    public void Grade_scores_the_chapters_asked_for_and_writes_each_format_asked_for()
    {
        course.Graded.ExitCode.ShouldBe(0, course.Graded.Output);
        course.Graded.Output.ShouldContain("Points 5/10", customMessage: course.Graded.Output); // 4/4 and 1/6
        var json = JsonResults.Read(course.PathOf("out/a.json"));
        json.Chapters.Select(c => c.Id).ShouldBe(["01-Passing", "02-Partial"]);
        File.ReadAllText(course.PathOf("out/a.md")).ShouldContain("01-Passing".Split('-')[1]);
    }

    [Fact]
    public async Task Grade_refuses_an_unknown_format_before_it_grades()
    {
        var error = await Should.ThrowAsync<GraderException>(() => Katas("grade", "--repo", course.Root, "--format", "pdf"));
        error.Message.ShouldContain("--format pdf: unknown");
    }

    [Fact]
    public async Task Status_grades_the_chapter_the_learner_is_on_and_shows_the_whole_course()
    {
        var status = await Katas("--repo", course.Root);
        status.ExitCode.ShouldBe(0);
        status.Output.ShouldContain("Checking chapter 2", customMessage: "chapter 1 passes, chapter 2 was graded with failures: the learner is on 2");
        status.Output.ShouldContain("your progress");
        status.Output.ShouldContain("08-Forged".Split('-')[1], customMessage: "every chapter of the course, graded or not");
    }

    [Fact]
    public async Task Hint_list_reads_the_saved_progress_and_spends_no_hint()
    {
        var list = await Katas("hint", "2", "--list", "--repo", course.Root);
        list.ExitCode.ShouldBe(0);
        list.Output.ShouldContain("Hints — chapter 2");
        list.Output.ShouldNotContain("Checking chapter", customMessage: "the list grades nothing");
    }

    [Fact]
    public async Task Watch_shows_the_first_result_and_stops_when_cancelled()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var app = new CommandAppTester(new CommandAppTesterSettings { TrimConsoleOutput = false });
        app.SetDefaultCommand<StatusCommand>();
        app.Configure(KatasApp.Configure);
        var run = app.RunAsync(["watch", "1", "--repo", course.Root, "--poll"], stop.Token);
        while (!app.Console.Output.Contains("Watching", StringComparison.Ordinal) && !run.IsCompleted) await Task.Delay(200);
        await stop.CancelAsync();
        (await run).ExitCode.ShouldBe(0);
        app.Console.Output.ShouldContain("Chapter 1 passes");
    }

    [Fact]
    public async Task Watch_recompiles_an_edited_file_with_the_compiler_server_and_builds_wholly_when_a_file_comes()
    {
        using var own = new FixtureCourse("watch");
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        var app = new CommandAppTester(new CommandAppTesterSettings { TrimConsoleOutput = false });
        app.SetDefaultCommand<StatusCommand>();
        app.Configure(KatasApp.Configure);
        app.Console.Profile.Width = 200;
        var run = app.RunAsync(["watch", "2", "--repo", own.Root, "--poll"], stop.Token);
        var seen = 0;
        async Task<string> NextResult()
        {
            while (!run.IsCompleted)
            {
                var output = app.Console.Output;
                var end = output.IndexOf("Watching", seen, StringComparison.Ordinal);
                if (end >= 0)
                {
                    var result = output[seen..end];
                    seen = end + "Watching".Length;
                    return result;
                }
                await Task.Delay(200, stop.Token);
            }
            throw new ShouldAssertException($"watch ended: {app.Console.Output}");
        }
        var maths = own.PathOf("exercises/02-Partial/Maths.cs");
        var original = File.ReadAllText(maths);

        var first = await NextResult();
        first.ShouldContain("(dotnet build)", customMessage: first);
        first.ShouldContain("1 / 6");

        // Square done: compiled by the server alone, and the new code is what runs.
        File.WriteAllText(maths, original.Replace("""throw new NotImplementedException("TODO 2: return x * x (Maths.Square). See README step 2.")""", "x * x"));
        var edited = await NextResult();
        edited.ShouldContain("by the compiler server", customMessage: edited);
        edited.ShouldContain("3 / 6", customMessage: edited);

        // A compile error comes back as the whole build reports it: file, line, the compiler's words.
        File.WriteAllText(maths, original.Replace("x + x;", "x + ;"));
        var broken = await NextResult();
        broken.ShouldContain("by the compiler server", customMessage: broken);
        broken.ShouldContain("does not compile", customMessage: broken);
        broken.ShouldContain("Maths.cs(5,", customMessage: broken);

        // A new file changes what the project compiles: a whole build again.
        File.WriteAllText(maths, original);
        File.WriteAllText(own.PathOf("exercises/02-Partial/Extra.cs"), "namespace Fixture;\n\npublic static class Extra;\n");
        var added = await NextResult();
        added.ShouldContain("(dotnet build)", customMessage: added);
        added.ShouldContain("1 / 6", customMessage: added);

        await stop.CancelAsync();
        (await run).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Doctor_checks_the_datasets_of_the_course_it_is_given()
    {
        using var other = new FixtureCourse("doctor");
        // This course's own datasets.json names a dataset the grader's copy does not know.
        File.WriteAllText(other.PathOf("data/datasets.json"), """
            { "datasets": { "tiny": { "title": "Tiny", "folder": "tiny", "mirrors": ["https://example.invalid/"],
              "files": [ { "name": "a.bin", "source": "a.bin", "bytes": 1, "sha256": "00" } ] } } }
            """);
        Directory.Delete(other.PathOf("src/Katas.Kit.Probe"), recursive: true); // no probe there: the libtorch row says so, quickly
        var doctor = await Katas("doctor", "--repo", other.Root);
        doctor.ExitCode.ShouldBe(0);
        doctor.Output.ShouldContain("Dataset tiny", customMessage: doctor.Output);
        doctor.Output.ShouldNotContain("Dataset mnist", customMessage: "the grader's own datasets are not the course's");
        doctor.Output.ShouldContain("probe");
    }

    [Fact]
    public async Task Merge_joins_results_and_report_compares_two()
    {
        var a = course.PathOf("out/a.json");
        var one = JsonResults.Read(a);
        var first = course.PathOf("out/first.json");
        var second = course.PathOf("out/second.json");
        JsonResults.Write(one with { Chapters = [one.Chapters[0]], Score = GradeResult.Total([one.Chapters[0]]) }, first);
        JsonResults.Write(one with { Chapters = [one.Chapters[1]], Score = GradeResult.Total([one.Chapters[1]]) }, second);

        var merged = await Katas("merge", first, second, "--json", course.PathOf("out/merged.json"), "--repo", course.Root);
        merged.ExitCode.ShouldBe(0);
        merged.Output.ShouldContain("Points 5/10");
        JsonResults.Read(course.PathOf("out/merged.json")).Chapters.Count.ShouldBe(2);

        var report = await Katas("report", a, course.PathOf("out/merged.json"));
        report.ExitCode.ShouldBe(0);
        report.Output.ShouldContain("Every test has the same status in both runs.");
    }

    [Fact]
    public async Task Manifest_check_finds_a_changed_test_file()
    {
        using var copy = new FixtureCourse("manifest");
        // Chapters that build, so that the manifest can list their tests (05-BuildError cannot be listed).
        foreach (var chapter in Directory.GetDirectories(copy.PathOf("exercises")).Where(d => string.CompareOrdinal(Path.GetFileName(d), "03") >= 0))
            Directory.Delete(chapter, recursive: true);
        var test = Directory.EnumerateFiles(copy.PathOf("exercises/01-Passing/Tests"), "*.cs").First();
        File.AppendAllText(test, "\n// changed\n");
        var check = await Katas("manifest", "--check", "--repo", copy.Root);
        check.ExitCode.ShouldBe(3, check.Output);
        check.Output.ShouldContain("changed: exercises/01-Passing/Tests/");
    }

    [Fact]
    public async Task Export_student_writes_a_template_and_export_solutions_branch_wants_solutions()
    {
        using var copy = new FixtureCourse("export");
        Git.Run(copy.Root, "init", "-q", "-b", "main");
        Git.Run(copy.Root, "add", "-A");
        Git.Run(copy.Root, "commit", "-q", "-m", "course");
        var target = Path.Combine(Path.GetTempPath(), $"katas-template-{Guid.NewGuid():N}");
        try
        {
            var export = await Katas("export", "student", target, "--repo", copy.Root);
            export.ExitCode.ShouldBe(0, export.Output);
            export.Output.ShouldContain("exported");
            Directory.Exists(Path.Combine(target, "exercises", "01-Passing")).ShouldBeTrue();
        }
        finally { if (Directory.Exists(target)) Directory.Delete(target, recursive: true); }

        if (Directory.Exists(copy.PathOf("solutions"))) Directory.Delete(copy.PathOf("solutions"), recursive: true);
        (await Should.ThrowAsync<GraderException>(() => Katas("export", "solutions-branch", "--repo", copy.Root)))
            .Message.ShouldContain("no solutions/ folder");
    }

    [Fact]
    public async Task Grade_many_says_what_is_wrong_with_its_arguments()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"katas-no-such-{Guid.NewGuid():N}");
        (await Should.ThrowAsync<GraderException>(() => Katas("grade-many", missing, "--trusted-tests", course.Root)))
            .Message.ShouldContain(missing);
    }

    [Fact]
    public async Task Export_gradescope_checks_its_options_before_it_writes_anything()
    {
        var zip = Path.Combine(Path.GetTempPath(), $"katas-autograder-{Guid.NewGuid():N}.zip");
        (await Should.ThrowAsync<GraderException>(() => Katas("export", "gradescope", zip, "--repo", course.Root, "--deadline", "5")))
            .Message.ShouldContain("--deadline");
        File.Exists(zip).ShouldBeFalse();
    }
}

/// <summary>`katas --help` and every command's help, in-process: no course needed, nothing graded.</summary>
public sealed class HelpTests
{
    [Fact]
    public async Task Help_lists_every_command()
    {
        var help = await CommandTests.Katas("--help");
        foreach (var command in new[] { "grade", "watch", "hint", "doctor", "report", "merge", "export", "grade-many", "manifest" })
            help.Output.ShouldContain(command);
    }

    [Theory]
    [InlineData("grade"), InlineData("watch"), InlineData("hint"), InlineData("doctor"), InlineData("report"), InlineData("merge"),
     InlineData("export", "student"), InlineData("export", "solutions-branch"), InlineData("export", "gradescope"), InlineData("grade-many"), InlineData("manifest")]
    public async Task Each_commands_help_renders(params string[] command)
    {
        // A description is Spectre markup: a bracket it cannot read ("[=PATH]") throws instead of helping.
        var help = await CommandTests.Katas([.. command, "--help"]);
        help.ExitCode.ShouldBe(0);
        help.Output.ShouldContain("USAGE:");
    }
}
