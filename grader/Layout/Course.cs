using System.Text.Json;
using System.Xml.Linq;

namespace Katas.Grader.Layout;

/// <summary>
/// A copy of the katas on disk, and the only place that knows its layout: where the chapters, the
/// solutions, the grader's own files, the dataset cache and the test manifest are, and (through
/// <see cref="LearnerFiles"/>) which files are the learner's. Commands find the course once
/// (<see cref="Find"/>) and hand it on; nothing else spells a path of the course.
/// </summary>
public sealed class Course
{
    // The layout, relative to the root. Each is written once, here.
    public const string ExercisesFolder = "exercises";
    public const string SolutionsFolder = "solutions";
    public const string Solution = "Katas.sln";
    /// <summary>The grader's own files: saved progress, compile inputs, the probe's answers.</summary>
    public const string WorkFolderPath = "artifacts/katas";
    public const string ArtifactsFolder = "artifacts";
    public const string OutFolder = "out";
    public const string DataCachePath = "data/cache";
    public const string DatasetsManifestPath = "data/datasets.json";
    public const string TestManifestPath = "grader/tests-manifest.json";
    public const string ProbeProject = "src/Katas.Kit.Probe";
    public const string KitTestingFolder = "src/Katas.Kit.Testing";
    public const string BootstrapScript = "eng/bootstrap-linux.sh";
    /// <summary>An instructor's hidden tests, by convention (never exported).</summary>
    public const string InstructorFolder = "instructor";
    /// <summary>A chapter's own tests: the top-level folder of a chapter that is not the learner's.</summary>
    public const string TestsFolder = "Tests";
    public const string ReadmeFile = "README.md";
    public const string HintsFile = "hints.md";

    /// <summary>The environment variable that moves the dataset cache (Kit's KATAS_DATA_DIR).</summary>
    public static string DataDirectoryVariable => Kit.Data.DatasetCache.DirectoryVariable;

    Course(string root) => Root = root;

    /// <summary>The course's folder (absolute).</summary>
    public string Root { get; }

    /// <summary>Whether a folder holds a course: it has exercises/ (a submission or a workspace may lack the rest).</summary>
    public static bool IsCourse(string folder) => Directory.Exists(Path.Combine(folder, ExercisesFolder));

    /// <summary>
    /// The course named by --repo, else the nearest folder upwards from the current one that holds a
    /// course. The one way every command finds it.
    /// </summary>
    public static Course Find(string? repo, string? from = null)
    {
        if (repo is not null)
            return IsCourse(repo) ? new Course(Path.GetFullPath(repo))
                : throw new GraderException($"--repo {repo}: not a katas course (no {ExercisesFolder}/ folder there).");
        for (var dir = new DirectoryInfo(from ?? Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (IsCourse(dir.FullName)) return new Course(dir.FullName);
        throw new GraderException($"Not inside a katas course: run from the course's folder (the one with {ExercisesFolder}/) or pass --repo DIR.");
    }

    /// <summary>A course at a known root (a workspace, a trusted copy, a submission): only exercises/ is required.</summary>
    public static Course At(string root)
    {
        var full = Path.GetFullPath(root);
        return IsCourse(full) ? new Course(full)
            : throw new GraderException($"{root}: not a katas course (no {ExercisesFolder}/ folder).");
    }

    /// <summary>A course at a root that may not exist yet (a workspace being made, an export's target).</summary>
    public static Course Unchecked(string root) => new(Path.GetFullPath(root));

    public string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public string Exercises => PathOf(ExercisesFolder);
    public string Solutions => PathOf(SolutionsFolder);
    public bool HasSolutions => Directory.Exists(Solutions);
    public string SolutionFile => PathOf(Solution);
    public string WorkFolder => PathOf(WorkFolderPath);
    public string Artifacts => PathOf(ArtifactsFolder);
    public string Out => PathOf(OutFolder);
    public string TestManifest => PathOf(TestManifestPath);
    public string DatasetsManifest => PathOf(DatasetsManifestPath);
    public string Probe => PathOf(ProbeProject);
    public string Bootstrap => PathOf(BootstrapScript);

    /// <summary>The dataset cache the chapters read: KATAS_DATA_DIR, else the course's data/cache.</summary>
    public string DataCache => Environment.GetEnvironmentVariable(DataDirectoryVariable) is { Length: > 0 } d ? d : PathOf(DataCachePath);

    /// <summary>
    /// The course's datasets: its own data/datasets.json (not the grader's copy), the cache at
    /// <paramref name="cacheFolder"/> (default <see cref="DataCache"/>), the mirrors KATAS_DATA_MIRROR names.
    /// </summary>
    public Kit.Data.DatasetCache Datasets(string? cacheFolder = null) =>
        new(cacheFolder ?? DataCache, Kit.Data.DatasetCache.MirrorsFromEnvironment(),
            File.Exists(DatasetsManifest) ? Kit.Data.DatasetManifest.Parse(File.ReadAllText(DatasetsManifest)) : null) { Log = _ => { } };

    /// <summary>A chapter's reference solutions (the instructors' copy only).</summary>
    public string SolutionsOf(Chapter chapter) => Path.Combine(Solutions, chapter.Id);

    public static string TestsOf(Chapter chapter) => Path.Combine(chapter.Folder, TestsFolder);

    /// <summary><paramref name="path"/> relative to <paramref name="folder"/> when it lies inside it; null otherwise.</summary>
    public static string? RelativeInside(string folder, string path)
    {
        var relative = Path.GetRelativePath(folder, Path.GetFullPath(path));
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? null : relative;
    }

    /// <summary>The chapters, in order.</summary>
    public IReadOnlyList<Chapter> Chapters => Chapter.All(Root);

    /// <summary>The chapters asked for (numbers or folder names); all when none is.</summary>
    public IReadOnlyList<Chapter> Select(IReadOnlyCollection<string> wanted) => Chapter.Select(Root, wanted);

    /// <summary>TorchSharp's version, from Directory.Packages.props (central package management).</summary>
    public string? TorchSharpVersion()
    {
        try
        {
            var props = PathOf("Directory.Packages.props");
            return File.Exists(props) ? XDocument.Load(props).Descendants("TorchSharpVersion").FirstOrDefault()?.Value.Trim() : null;
        }
        catch (System.Xml.XmlException) { return null; }
    }

    /// <summary>The version a package resolves to for the default (cpu) backend: the probe's lock file says it.</summary>
    public string? LockedVersion(string package)
    {
        try
        {
            var lockFile = Path.Combine(Probe, "packages.lock.json");
            if (!File.Exists(lockFile)) return null;
            using var doc = JsonDocument.Parse(File.ReadAllText(lockFile));
            foreach (var framework in doc.RootElement.GetProperty("dependencies").EnumerateObject())
                if (framework.Value.TryGetProperty(package, out var entry) && entry.TryGetProperty("resolved", out var resolved))
                    return resolved.GetString();
            return null;
        }
        catch (Exception e) when (e is JsonException or IOException or KeyNotFoundException or InvalidOperationException) { return null; }
    }
}
