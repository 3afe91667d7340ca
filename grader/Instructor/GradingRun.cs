using Katas.Grader.Running;

namespace Katas.Grader.Instructor;

/// <summary>
/// Where `grade-many` builds: a run folder outside the course and outside every submission (under
/// the system's temporary folder), deleted at the end. It holds
/// <list type="bullet">
/// <item>course/: what grading needs from the trusted course (chapters, Kit, build files, manifest,
///   the hidden tests compiled in), never solutions/, instructor/, submissions or gradebooks;</item>
/// <item>lane-N/: one workspace per submission graded at once. For each submission it is synced to
///   course/ with the student's code laid over it (Workspace.Prepare, as `grade --trusted-tests`
///   does): files that did not change keep their time stamps, so MSBuild recompiles only the
///   chapters and the course's Kit is compiled once per lane, not once per student;</item>
/// <item>unpacked/: the zips of the submissions folder, unpacked.</item>
/// </list>
/// </summary>
public sealed class GradingRun : IDisposable
{
    /// <summary>What a build and a test run of the course read: nothing else is copied.</summary>
    static readonly string[] Needed =
    [
        "exercises", "src", "eng", "data", "grader/tests-manifest.json", "Directory.Build.props", "Directory.Build.targets",
        "Directory.Packages.props", "global.json", "nuget.config", "NuGet.config", "NuGet.Config",
    ];

    /// <summary>Build outputs, caches and pictures: never copied, never deleted from a lane (its artifacts/ is what makes rebuilds cheap).</summary>
    static readonly string[] Skipped = [".git", "artifacts", "bin", "obj", "out", "TestResults", "cache", "node_modules"];

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
            Sync(course, run.Course, relative => Needed.Any(n => relative == n || relative.StartsWith(n + "/", StringComparison.Ordinal)));
            if (extraTests is not null) HiddenTests.CopyInto(run.Course, Path.GetFullPath(extraTests));
            return run;
        }
        catch
        {
            run.Dispose();
            throw;
        }
    }

    /// <summary>Makes a lane's workspace the course with this submission's code in it (null: the course's own stubs).</summary>
    public string Load(int lane, string? submission)
    {
        // Pictures and checkpoints the previous student's code wrote must not pass this one's tests.
        foreach (var stale in new[] { "out", "TestResults" })
            if (Directory.Exists(Path.Combine(Lane(lane), stale))) Directory.Delete(Path.Combine(Lane(lane), stale), recursive: true);
        var staging = Path.Combine(Folder, $"staging-{lane}");
        // The hidden tests are already in course/ (Create): none to add here. Not disposed: staging is synced, then deleted.
        Workspace.Prepare(submission ?? Course, Course, hiddenTests: null, into: staging);
        Sync(staging, Lane(lane), _ => true);
        Directory.Delete(staging, recursive: true);
        return Lane(lane);
    }

    /// <summary>
    /// A digest of what a lane's build and tests read that differs between students: every file of
    /// its exercises/ (the rest is the trusted course, the same for everyone). Two lanes with the
    /// same digest build the same assemblies and run the same tests.
    /// </summary>
    public string CodeDigest(int lane)
    {
        var exercises = Path.Combine(Lane(lane), "exercises");
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
            .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar).Any(Skipped.Contains));

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
