using Katas.Grader.Layout;
using Katas.Grader.Running;

namespace Katas.Grader.Instructor;

/// <summary>
/// Where `grade-many` builds: a run folder outside the course and outside every submission (under
/// the system's temporary folder), deleted at the end. It holds
/// <list type="bullet">
/// <item>course/: what grading needs from the trusted course (chapters, Kit, build files, manifest,
///   the hidden tests compiled in), never solutions/, instructor/, submissions or gradebooks;</item>
/// <item>lane-N/: one workspace per submission graded at once. For each submission it is cleaned of
///   the previous student's outputs and synced to course/ with the student's code laid over it
///   (Workspace.Prepare, as `grade --trusted-tests` does); the course's Kit is compiled once per
///   lane, not once per student. Each chapter builds and runs in a sandbox that sees this lane
///   only: never course/, another lane, the submissions or the gradebook;</item>
/// <item>unpacked/: the zips of the submissions folder, unpacked.</item>
/// </list>
/// </summary>
public sealed class GradingRun : IDisposable
{
    GradingRun(string folder) => Folder = folder;

    public string Folder { get; }
    public string Course => Path.Combine(Folder, "course");
    public string Lane(int lane) => Path.Combine(Folder, $"lane-{lane}");
    public string Unpacked(string student) => Path.Combine(Folder, "unpacked", student);

    public static GradingRun Create(string course, string? extraTests)
    {
        var run = new GradingRun(Path.Combine(Path.GetTempPath(), $"katas-grade-many-{Guid.NewGuid():N}"[..(17 + 12)]));
        try
        {
            Sync(course, run.Course, relative => Workspace.IsNeeded(relative, withSolutions: false));
            if (extraTests is not null) HiddenTests.CopyInto(run.Course, Path.GetFullPath(extraTests));
            return run;
        }
        catch
        {
            run.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Makes a lane's workspace the course with this submission's code in it (null: the course's own
    /// stubs); returns the chapters of the submission that were refused (<see cref="Workspace.Refused"/>).
    /// </summary>
    public IReadOnlyDictionary<string, string> Load(int lane, string? submission)
    {
        Clean(Lane(lane));
        var staging = Path.Combine(Folder, $"staging-{lane}");
        // The hidden tests are already in course/ (Create): none to add here. Not disposed: staging is synced, then deleted.
        var workspace = Workspace.Prepare(submission ?? Course, Course, hiddenTests: null, into: staging);
        Sync(staging, Lane(lane), _ => true);
        Directory.Delete(staging, recursive: true);
        return workspace.Refused;
    }

    /// <summary>
    /// Removes what the previous student's build and tests left in a lane: pictures, checkpoints,
    /// and every build output but Kit's. Kit's outputs are built from the course's own sources by a
    /// build in which no learner code runs, and every test run sees artifacts/ read-only (the
    /// sandbox), so no student can have changed them; keeping them spares each student a Kit build.
    /// </summary>
    static void Clean(string lane)
    {
        foreach (var stale in new[] { Layout.Course.OutFolder, "TestResults" })
            if (Directory.Exists(Path.Combine(lane, stale))) Directory.Delete(Path.Combine(lane, stale), recursive: true);
        var artifacts = Path.Combine(lane, Layout.Course.ArtifactsFolder);
        if (!Directory.Exists(artifacts)) return;
        foreach (var kind in Directory.GetDirectories(artifacts))
        {
            if (Path.GetFileName(kind) is not ("bin" or "obj"))
            {
                Directory.Delete(kind, recursive: true);
                continue;
            }
            foreach (var project in Directory.GetDirectories(kind))
                if (!Path.GetFileName(project).StartsWith("Katas.Kit", StringComparison.Ordinal)) Directory.Delete(project, recursive: true);
        }
    }

    /// <summary>
    /// A digest of what a lane's build and tests read that differs between students: every file of
    /// its exercises/ (the rest is the trusted course, the same for everyone). Two lanes with the
    /// same digest build the same assemblies and run the same tests.
    /// </summary>
    public string CodeDigest(int lane)
    {
        var exercises = Path.Combine(Lane(lane), Layout.Course.ExercisesFolder);
        using var digest = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var file in Files(exercises).Select(f => (Relative: Path.GetRelativePath(exercises, f).Replace('\\', '/'), Full: f))
                     .OrderBy(f => f.Relative, StringComparer.Ordinal))
        {
            digest.AppendData(System.Text.Encoding.UTF8.GetBytes(file.Relative + "\0"));
            digest.AppendData(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file.Full)));
        }
        return Convert.ToHexStringLower(digest.GetHashAndReset());
    }

    /// <summary>
    /// Makes <paramref name="to"/> hold exactly the included files of <paramref name="from"/>: a file
    /// whose bytes are unchanged is left alone (its time stamp too), others are written, files that
    /// are no longer there are deleted. Skipped folders are neither copied nor deleted.
    /// </summary>
    static void Sync(string from, string to, Func<string, bool> include)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Files(from))
        {
            var relative = Path.GetRelativePath(from, file).Replace('\\', '/');
            if (!include(relative)) continue;
            wanted.Add(relative);
            var target = Path.Combine(to, relative);
            if (File.Exists(target) && SameBytes(file, target)) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
            // A copy keeps the source's time stamp, which may be older than the last build's output:
            // MSBuild would then keep the previous student's assembly. Changed means new.
            File.SetLastWriteTimeUtc(target, DateTime.UtcNow);
        }
        if (!Directory.Exists(to)) Directory.CreateDirectory(to);
        foreach (var file in Files(to))
            if (!wanted.Contains(Path.GetRelativePath(to, file).Replace('\\', '/'))) File.Delete(file);
    }

    static IEnumerable<string> Files(string root) =>
        Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(f => !LearnerFiles.InSkippedFolder(Path.GetRelativePath(root, f)));

    static bool SameBytes(string a, string b)
    {
        var (fa, fb) = (new FileInfo(a), new FileInfo(b));
        if (fa.Length != fb.Length) return false;
        return File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b));
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
