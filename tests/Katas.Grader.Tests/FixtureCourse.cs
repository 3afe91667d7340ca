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
        // The repository's build files, Kit and the learner API list, copied (not imported): a
        // sandboxed build sees the copy only, as it sees only a real course's own files.
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json",
                     ".editorconfig", "NuGet.config", "data/datasets.json" })
            CopyFile(Path.Combine(Repo, file), Path.Combine(Root, file));
        foreach (var folder in new[] { "eng", "src/Katas.Kit", "src/Katas.Kit.Datasets", "src/Katas.Kit.Probe", "src/Katas.Kit.Testing" })
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo, folder), "*", SearchOption.AllDirectories)
                         .Where(f => !Layout.LearnerFiles.InSkippedFolder(Path.GetRelativePath(Repo, f))))
                CopyFile(file, Path.Combine(Root, Path.GetRelativePath(Repo, file)));
        // The committed test list (Fixtures/course/grader), with the hashes of this copy's files.
        var manifest = TestManifest.Load(Root)!;
        (manifest with { Files = TestManifest.HashAll(Root) }).Save(Root);
    }

    public string Root { get; }

    static void CopyFile(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to, overwrite: true);
    }

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
