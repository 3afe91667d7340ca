namespace Katas.Grader.Tests.Formats;

/// <summary>
/// Expected outputs kept as files (Formats/golden/FORMAT/CASE.EXT), like Exercism's test runners keep an
/// expected_results.json per fixture. A test compares what a format writes now with its file; with
/// KATAS_UPDATE_GOLDEN=1 it writes the file instead (then read the diff before committing it).
/// </summary>
public static class Golden
{
    public const string UpdateVariable = "KATAS_UPDATE_GOLDEN";

    public static string Folder { get; } = Path.Combine(
        RepoPaths.Root ?? throw new InvalidOperationException("tests must run inside the repository"),
        "tests", "Katas.Grader.Tests", "Formats", "golden");

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static void Check(string format, string file, string actual)
    {
        actual = actual.ReplaceLineEndings("\n");
        var path = Path.Combine(Folder, format, file);
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        File.Exists(path).ShouldBeTrue($"no golden file {Path.GetRelativePath(Folder, path)}: run the tests with {UpdateVariable}=1 to write it");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        actual.ShouldBe(expected, $"{format}/{file} differs from its golden file; if the change is meant, regenerate with {UpdateVariable}=1 and review the diff");
    }
}
