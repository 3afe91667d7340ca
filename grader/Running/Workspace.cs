using System.Security.Cryptography;
using System.Text;

namespace Katas.Grader.Running;

/// <summary>
/// A grading workspace: a fresh copy of a trusted repository (tests, project files, build
/// plumbing, Kit, NuGet.config) into which only the learner's own code is copied — the .cs files of
/// each chapter outside Tests/ — plus, if asked, an instructor's hidden tests. It lives outside the
/// submission (under the system's temporary folder), so no file of the submission sits above it:
/// MSBuild's Directory.Build.* / .rsp and NuGet's NuGet.config lookups, which walk up the folder
/// tree, only ever find the trusted copy's files. Dispose deletes it.
/// </summary>
/// <example><code>
/// using var workspace = Workspace.Prepare(submission, trusted, hiddenTests: null);
/// // build and test under workspace.Root
/// </code></example>
public sealed class Workspace : IDisposable
{
    static readonly string[] Skipped = [".git", "artifacts", "bin", "obj", "out", "TestResults", "cache", "node_modules"];

    Workspace(string root) => Root = root;

    /// <summary>The workspace's repository root (has exercises/, like any copy of the katas).</summary>
    public string Root { get; }

    /// <summary>
    /// Where the workspaces of a submission go, outside it: this prefix (named after the submission's
    /// path) and a suffix of their own, so that two gradings of one submission at once (a watch and a
    /// grade, two CI jobs) never share, or delete, each other's workspace.
    /// </summary>
    public static string PrefixFor(string submission)
    {
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(submission))))[..16];
        return Path.Combine(Path.GetTempPath(), "katas-workspaces", id);
    }

    /// <summary>Copies <paramref name="trusted"/>, lays the learner's code of <paramref name="submission"/> over it,
    /// and adds <paramref name="hiddenTests"/> (DIR/&lt;chapter&gt;/*.cs) when given.</summary>
    public static Workspace Prepare(string submission, string trusted, string? hiddenTests, string? into = null)
    {
        submission = Path.GetFullPath(submission);
        trusted = Path.GetFullPath(trusted);
        if (!Directory.Exists(Path.Combine(trusted, "exercises")))
            throw new GraderException($"--trusted-tests {trusted}: not a copy of the katas (it has no exercises/ folder).");
        var root = Path.GetFullPath(into ?? $"{PrefixFor(submission)}-{Guid.NewGuid().ToString("N")[..8]}");
        if (IsUnder(root, submission))
            throw new GraderException($"The grading workspace {root} would lie inside the submission {submission}, whose files " +
                                      "(NuGet.config, Directory.Build.*) could then change the build: set TMPDIR to a folder outside it.");
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        CopyTree(trusted, root, _ => true);
        foreach (var chapter in Chapter.All(root))
        {
            var mine = Path.Combine(submission, "exercises", chapter.Id);
            if (!Directory.Exists(mine)) continue;
            // Start from the trusted stubs, then lay the learner's files over them.
            CopyTree(mine, chapter.Folder, relative =>
                relative.EndsWith(".cs", StringComparison.Ordinal)
                && !relative.Replace('\\', '/').StartsWith("Tests/", StringComparison.Ordinal));
        }
        if (hiddenTests is not null) HiddenTests.CopyInto(root, hiddenTests);
        return new Workspace(root);
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { /* a file still open (antivirus, indexer): the next run deletes it */ }
        catch (UnauthorizedAccessException) { }
    }

    static bool IsUnder(string path, string folder)
    {
        var f = folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return (path.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar).StartsWith(f, StringComparison.Ordinal);
    }

    static void CopyTree(string from, string to, Func<string, bool> include)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => Skipped.Contains(part))) continue;
            if (!include(relative)) continue;
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
