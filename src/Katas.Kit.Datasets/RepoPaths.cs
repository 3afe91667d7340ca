namespace Katas.Kit;

/// <summary>Where the katas keep what they make (pictures, TensorBoard runs, checkpoints).</summary>
public static class RepoPaths
{
    /// <summary>Overrides the output folder (default: out/ at the repository root).</summary>
    public const string OutputVariable = "KATAS_OUT_DIR";

    /// <summary>The repository the program runs from (the folder holding data/datasets.json), if any.</summary>
    public static string? Root { get; } = FindRoot();

    /// <summary>
    /// A path for a file a chapter produces: out/CHAPTER/FILE in the repository (git-ignored), so
    /// that learners can open their pictures. The folder is created.
    /// </summary>
    public static string Output(string chapter, string file)
    {
        var root = Environment.GetEnvironmentVariable(OutputVariable) is { Length: > 0 } o ? o
            : Path.Combine(Root ?? Path.GetTempPath(), "out");
        var folder = Path.Combine(root, chapter);
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, file);
    }

    static string? FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "data", "datasets.json")))
                    return dir.FullName;
        return null;
    }
}
