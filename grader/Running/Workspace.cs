using Katas.Grader.Layout;
using System.Security.Cryptography;
using System.Text;

namespace Katas.Grader.Running;

/// <summary>
/// A grading workspace: the part of a trusted course that grading needs (<see cref="Needed"/>: the
/// chapters with their tests, Kit, the build files, the manifest — never solutions/ for the
/// exercises track, nor instructor files or other submissions), into which only the learner's
/// code is copied (<see cref="LearnerFiles"/>), plus, if asked, an instructor's hidden tests. It
/// lives outside the submission (under the system's temporary folder), so no file of the
/// submission sits above it: MSBuild's Directory.Build.* / .rsp and NuGet's NuGet.config lookups,
/// which walk up the folder tree, only ever find the trusted copy's files. Dispose deletes it.
/// A submission holds regular files only: a chapter with a symbolic link, a hard link, a device, a
/// socket or a pipe, or with more or bigger files than <see cref="Limits"/> allow, is not copied at
/// all; <see cref="Refused"/> says which and why, and the grader marks it tampered.
/// </summary>
public sealed class Workspace : IDisposable
{
    /// <summary>What a build and a test run of the course read: nothing else of the trusted course is copied.</summary>
    public static readonly string[] Needed =
    [
        Course.ExercisesFolder, "src", "eng", "data", Course.TestManifestPath, "Directory.Build.props", "Directory.Build.targets",
        "Directory.Packages.props", "global.json", "nuget.config", "NuGet.config", "NuGet.Config", ".editorconfig",
    ];

    /// <summary>How much one chapter of a submission may hold (learner files only).</summary>
    public static class Limits
    {
        public const int Files = 200;
        public const long FileBytes = 1 << 20;
        public const long ChapterBytes = 8 << 20;
    }

    Workspace(string root, IReadOnlyDictionary<string, string> refused) => (Root, Refused) = (root, refused);

    /// <summary>The workspace's repository root (has exercises/, like any copy of the katas).</summary>
    public string Root { get; }

    /// <summary>Chapters of the submission that were not copied (chapter id -> why).</summary>
    public IReadOnlyDictionary<string, string> Refused { get; }

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

    /// <summary>Whether a path relative to a course's root is part of what grading needs.</summary>
    public static bool IsNeeded(string relative, bool withSolutions)
    {
        relative = relative.Replace('\\', '/');
        return (Needed.Any(n => relative == n || relative.StartsWith(n + "/", StringComparison.Ordinal))
                || withSolutions && relative.StartsWith("solutions/", StringComparison.Ordinal))
            && !LearnerFiles.InSkippedFolder(relative);
    }

    /// <summary>Copies what grading needs of <paramref name="trusted"/>, lays the learner's code of <paramref name="submission"/> over it,
    /// and adds <paramref name="hiddenTests"/> (DIR/&lt;chapter&gt;/*.cs) when given.</summary>
    /// <param name="withSolutions">Copy solutions/ too (only to grade the reference solutions themselves).</param>
    public static Workspace Prepare(string submission, string trusted, string? hiddenTests, string? into = null, bool withSolutions = false)
    {
        submission = Path.GetFullPath(submission);
        trusted = Path.GetFullPath(trusted);
        if (!Directory.Exists(Path.Combine(trusted, Course.ExercisesFolder)))
            throw new GraderException($"--trusted-tests {trusted}: not a copy of the katas (it has no exercises/ folder).");
        var root = Path.GetFullPath(into ?? $"{PrefixFor(submission)}-{Guid.NewGuid().ToString("N")[..8]}");
        if (IsUnder(root, submission))
            throw new GraderException($"The grading workspace {root} would lie inside the submission {submission}, whose files " +
                                      "(NuGet.config, Directory.Build.*) could then change the build: set TMPDIR to a folder outside it.");
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        foreach (var file in Directory.EnumerateFiles(trusted, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var relative = Path.GetRelativePath(trusted, file);
            if (IsNeeded(relative, withSolutions)) Copy(file, Path.Combine(root, relative));
        }
        var refused = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chapter in Chapter.All(root))
        {
            var mine = Path.Combine(submission, Course.ExercisesFolder, chapter.Id);
            if (!Directory.Exists(mine)) continue;
            var (files, why) = LearnerFilesOf(mine, $"exercises/{chapter.Id}");
            if (why is not null) { refused[chapter.Id] = why; continue; }
            // Start from the trusted stubs, then lay the learner's files over them.
            foreach (var relative in files) Copy(Path.Combine(mine, relative), Path.Combine(chapter.Folder, relative));
        }
        if (hiddenTests is not null) HiddenTests.CopyInto(root, hiddenTests);
        return new Workspace(root, refused);
    }

    /// <summary>
    /// The learner's files of a submitted chapter folder (relative paths), or why the folder is
    /// refused. Links are never followed: each entry is looked at as it is on disk.
    /// </summary>
    public static (IReadOnlyList<string> Files, string? Why) LearnerFilesOf(string folder, string shownAs)
    {
        var files = new List<string>();
        long bytes = 0;
        var pending = new Stack<string>([folder]);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0, RecurseSubdirectories = false }))
            {
                var relative = Path.GetRelativePath(folder, entry.FullName).Replace('\\', '/');
                var shown = $"{shownAs}/{relative}";
                if (LearnerFiles.InSkippedFolder(relative)) continue;
                if (entry.LinkTarget is not null)
                    return ([], $"{shown} is a symbolic link (to {entry.LinkTarget}): a submission holds regular files only, so this chapter was not graded");
                var kind = FileKind.Of(entry.FullName);
                if (kind == FileKind.Kind.Directory) { pending.Push(entry.FullName); continue; }
                if (kind != FileKind.Kind.Regular)
                    return ([], $"{shown} is a {FileKind.Describe(kind)}, not a regular file: a submission holds regular files only, so this chapter was not graded");
                if (!LearnerFiles.IsLearnerSource(relative)) continue;
                if (FileKind.Links(entry.FullName) > 1)
                    return ([], $"{shown} is a hard link (the same file as another path on this machine): a submission holds its own files only, so this chapter was not graded");
                var length = ((FileInfo)entry).Length;
                if (length > Limits.FileBytes)
                    return ([], $"{shown} holds {length / 1024} KiB; a learner's file may hold at most {Limits.FileBytes / 1024} KiB");
                bytes += length;
                files.Add(relative);
                if (files.Count > Limits.Files)
                    return ([], $"{shownAs} holds more than {Limits.Files} source files, the most a chapter may hold");
                if (bytes > Limits.ChapterBytes)
                    return ([], $"{shownAs} holds more than {Limits.ChapterBytes >> 20} MiB of source files, the most a chapter may hold");
            }
        }
        files.Sort(StringComparer.Ordinal);
        return (files, null);
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

    static void Copy(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to, overwrite: true);
    }
}
