namespace Katas.Kit.Testing;

/// <summary>A fresh folder for one test's files, deleted afterwards.</summary>
public sealed class TempFolder(string prefix = "katas-test-") : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>The path of <paramref name="name"/> inside the folder (nothing is created).</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>The names of the files in the folder (a temporary file left behind would show here).</summary>
    public string[] Files() => Directory.GetFiles(Path).Select(System.IO.Path.GetFileName).ToArray()!;

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } // a file still open on Windows: leave it to the OS
    }
}
