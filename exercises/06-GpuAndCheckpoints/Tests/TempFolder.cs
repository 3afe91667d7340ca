namespace Katas.GpuAndCheckpoints.Tests;

/// <summary>A folder of its own for one test, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("katas-06-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>The names of the files in the folder (a temporary file left behind would show here).</summary>
    public string[] Files() => Directory.GetFiles(Path).Select(System.IO.Path.GetFileName).ToArray()!;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
