using System.Diagnostics;
using System.Text.Json;

namespace Katas.Grader.EndToEnd.Formats;

/// <summary>
/// eng/exercism/run.sh against the interface's execution rules
/// (https://exercism.org/docs/building/tooling/test-runners/interface, "Execution"): three arguments
/// SLUG INPUT_DIR OUTPUT_DIR, results.json written to OUTPUT_DIR, exit code 0 whatever the result.
/// Only the cases that grade nothing run here (grading a chapter is the grader's own tests' work).
/// </summary>
public sealed class ExercismRunScriptTests : IDisposable
{
    readonly string _out = Path.Combine(Path.GetTempPath(), "katas-exercism-run", Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(_out)) Directory.Delete(_out, recursive: true);
    }

    static string Script => Path.Combine(RepoPaths.Root!, "eng", "exercism", "run.sh");

    (int Code, JsonDocument? Results) Run(params string[] args)
    {
        var start = new ProcessStartInfo("bash", [Script, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        var results = Path.Combine(_out, "results.json");
        return (process.ExitCode, File.Exists(results) ? JsonDocument.Parse(File.ReadAllText(results)) : null);
    }

    [Fact]
    public void An_unknown_exercise_is_an_error_result_and_exit_code_0()
    {
        var (code, results) = Run("no-such-kata", "/tmp/", _out + "/");
        code.ShouldBe(0);
        using (results)
        {
            results!.RootElement.GetProperty("version").GetInt32().ShouldBe(3);
            results.RootElement.GetProperty("status").GetString().ShouldBe("error");
            results.RootElement.GetProperty("message").GetString()!.ShouldContain("01-SimpleClassifier");
        }
    }

    [Theory]
    [InlineData("simple-classifier")]
    [InlineData("01-simple-classifier")]
    [InlineData("01-SimpleClassifier")]
    [InlineData("1")]
    [InlineData("tensor-board")]
    [InlineData("gpu-and-checkpoints")]
    public void A_slug_names_a_chapter_by_folder_number_or_kebab_case_name(string slug)
    {
        // A missing input folder stops it right after the slug was understood.
        var (code, results) = Run(slug, "/no/such/input/", _out);
        code.ShouldBe(0);
        using (results) results!.RootElement.GetProperty("message").GetString()!.ShouldContain("/no/such/input");
    }

    [Fact]
    public void Wrong_arguments_are_exit_code_2() => Run("only-one").Code.ShouldBe(2);
}
