using System.Diagnostics;
using System.Text.Json;

namespace Katas.Grader.EndToEnd.Platforms;

/// <summary>
/// eng/gradescope/run_autograder always leaves a results.json Gradescope accepts: the grader's, or a
/// score of 0 with the reason. Played in a fake /autograder (KATAS_GS_ROOT) with a fake `dotnet` on
/// PATH standing in for the grader, so each case takes a second; eng/ci/check-gradescope.sh runs the
/// real grader through the real zip.
/// </summary>
public sealed class RunAutograderTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "katas-fixtures", $"gradescope-{Guid.NewGuid():N}"[..20]);
    string Source => Path.Combine(_root, "source");
    string Submission => Path.Combine(_root, "submission");
    string Results => Path.Combine(_root, "results", "results.json");
    string FakeBin => Path.Combine(_root, "fake-bin");

    public RunAutograderTests()
    {
        Directory.CreateDirectory(Source);
        Directory.CreateDirectory(Submission);
        Directory.CreateDirectory(FakeBin);
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    static string Script => Path.Combine(FixtureCourse.Repo, "eng", "gradescope", "run_autograder");

    void Installed()
    {
        File.WriteAllText(Path.Combine(Source, "katas-gradescope.env"), "KATAS_GS_HIDDEN_TESTS=${KATAS_GS_HIDDEN_TESTS-0}\n");
        var dll = Path.Combine(Source, "course", "artifacts", "bin", "Katas.Grader", "debug", "katas.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(dll)!);
        File.WriteAllText(dll, "");
        Directory.CreateDirectory(Path.Combine(Source, "course", "exercises"));
    }

    /// <summary>A `dotnet` that runs this bash body with the grader's arguments ($@).</summary>
    void FakeGrader(string body)
    {
        var dotnet = Path.Combine(FakeBin, "dotnet");
        File.WriteAllText(dotnet, "#!/usr/bin/env bash\n" + body + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    (int ExitCode, string Log, JsonElement Results) Run(params (string Name, string Value)[] environment)
    {
        Assert.SkipWhen(!OperatingSystem.IsLinux(), "run_autograder is Gradescope's script: bash on Linux");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Script);
        start.Environment["KATAS_GS_ROOT"] = _root;
        start.Environment["KATAS_GS_USER"] = "";
        start.Environment["PATH"] = $"{FakeBin}:{start.Environment["PATH"]}";
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit(60_000).ShouldBeTrue("run_autograder did not finish within a minute");
        File.Exists(Results).ShouldBeTrue($"no results.json; the log:\n{output.Result}{error.Result}");
        using var json = JsonDocument.Parse(File.ReadAllText(Results));
        return (process.ExitCode, output.Result + error.Result, json.RootElement.Clone());
    }

    static void ScoresZeroSaying(JsonElement results, string reason)
    {
        results.GetProperty("score").GetDouble().ShouldBe(0);
        results.GetProperty("tests").GetArrayLength().ShouldBe(0);
        results.GetProperty("output").GetString()!.ShouldContain(reason);
        results.GetProperty("visibility").GetString().ShouldBe("visible");
    }

    [Fact]
    public void An_autograder_without_its_files_still_writes_a_zero_with_the_reason()
    {
        var (exit, _, results) = Run();
        exit.ShouldBe(0);
        ScoresZeroSaying(results, "katas-gradescope.env is missing");
    }

    [Fact]
    public void An_upload_without_the_course_scores_zero_and_says_what_to_submit()
    {
        Installed();
        File.WriteAllText(Path.Combine(Submission, "answer.txt"), "my homework");
        FakeGrader("echo 'the grader must not run'; exit 9");

        var (exit, log, results) = Run();

        exit.ShouldBe(0);
        ScoresZeroSaying(results, "no exercises/ folder");
        results.GetProperty("output").GetString()!.ShouldContain("Submit your whole repository");
        log.ShouldNotContain("the grader must not run");
    }

    [Fact]
    public void A_grader_that_crashes_gives_a_zero_with_the_end_of_its_log()
    {
        Installed();
        Directory.CreateDirectory(Path.Combine(Submission, "alice-main", "exercises"));
        FakeGrader("echo 'Unhandled exception: boom' >&2; exit 134");

        var (exit, _, results) = Run();

        exit.ShouldBe(0);
        ScoresZeroSaying(results, "the grader stopped (exit code 134) without a result");
        results.GetProperty("output").GetString()!.ShouldContain("boom");
    }

    [Fact]
    public void A_grading_past_the_deadline_is_stopped_and_scores_zero_with_the_reason()
    {
        Installed();
        Directory.CreateDirectory(Path.Combine(Submission, "exercises"));
        FakeGrader("sleep 30");

        var watch = Stopwatch.StartNew();
        var (_, _, results) = Run(("KATAS_GS_DEADLINE", "2"));

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(25));
        ScoresZeroSaying(results, "longer than the autograder's deadline (2 s)");
    }

    [Fact]
    public void The_graders_results_are_what_gradescope_gets_and_the_grader_is_called_with_the_trusted_copy()
    {
        Installed();
        Directory.CreateDirectory(Path.Combine(Submission, "alice-main", "exercises"));
        File.AppendAllText(Path.Combine(Source, "katas-gradescope.env"), "KATAS_GS_HIDDEN_TESTS=1\nKATAS_GS_CHAPTER_TIMEOUT=123\n");
        // Writes its arguments (the grader's environment is scrubbed: the path is in the script), and
        // a result where --format gradescope=PATH says.
        var argsFile = Path.Combine(_root, "args.txt");
        FakeGrader($$"""
            printf '%s\n' "$@" > '{{argsFile}}'
            for a in "$@"; do case $a in gradescope=*) printf '{"score": 7, "tests": [{"score": 7, "max_score": 9}]}' > "${a#gradescope=}" ;; esac; done
            """);

        var (exit, _, results) = Run(("KATAS_GS_CHAPTERS", "1 3"));

        exit.ShouldBe(0);
        results.GetProperty("score").GetDouble().ShouldBe(7);
        var args = File.ReadAllLines(argsFile);
        string After(string option) => args[Array.IndexOf(args, option) + 1];
        After("--repo").ShouldBe(Path.Combine(Submission, "alice-main"), "the repository inside the zip's single top folder");
        After("--trusted-tests").ShouldBe(Path.Combine(Source, "course"));
        After("--extra-tests").ShouldBe(Path.Combine(Source, "hidden-tests"));
        After("--timeout").ShouldBe("123");
        args.Count(a => a == "--chapter").ShouldBe(2);
        args.ShouldContain(a => a.StartsWith("gradescope=", StringComparison.Ordinal));
    }
}
