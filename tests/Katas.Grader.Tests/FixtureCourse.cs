using Katas.Grader.Integrity;

namespace Katas.Grader.Tests;

/// <summary>
/// A fresh copy of the fixture course (Fixtures/course) in a temporary folder, with a
/// Directory.Build.props/.targets that import the repository's own, so that it builds exactly as
/// a real submission does, and a manifest (grader/tests-manifest.json) that matches it.
/// (Not under artifacts/: the build ignores sources there.)
/// </summary>
internal sealed class FixtureCourse : IDisposable
{
    public static string Repo { get; } = RepoPaths.Root ?? throw new InvalidOperationException("tests must run inside the repository");

    public static string Source => Path.Combine(Repo, "tests", "Katas.Grader.Tests", "Fixtures", "course");

    public FixtureCourse(string name)
    {
        Root = Path.Combine(Path.GetTempPath(), "katas-fixtures", $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)]);
        Copy(Source, Root);
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
            File.WriteAllText(Path.Combine(Root, file),
                $"<Project>\n  <Import Project=\"{Path.Combine(Repo, file)}\" />\n{(file == "Directory.Build.props" ? OwnOutputs : "")}</Project>\n");
        // The repository's analyzer settings (learners' files only) and package sources.
        foreach (var file in new[] { ".editorconfig", "NuGet.config" })
            File.Copy(Path.Combine(Repo, file), Path.Combine(Root, file), overwrite: true);
        // The committed test list (Fixtures/course/grader), with the hashes of this copy's files.
        var manifest = TestManifest.Load(Root)!;
        (manifest with { Files = TestManifest.HashAll(Root) }).Save(Root);
    }

    public string Root { get; }

    // Each copy (and each workspace graded from it) builds into its own artifacts/, as a real copy of
    // the course does. Shared with the repository's, a copy could run the assembly another copy
    // built: File.Copy keeps the sources' time stamps, so MSBuild would see nothing to compile.
    const string OwnOutputs = "  <PropertyGroup>\n    <ArtifactsPath>$(MSBuildThisFileDirectory)artifacts</ArtifactsPath>\n  </PropertyGroup>\n";

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
