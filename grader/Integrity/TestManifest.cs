using Katas.Tooling;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Katas.Grader.Layout;
using Katas.Grader.Model;

namespace Katas.Grader.Integrity;

/// <summary>
/// tests-manifest.json: the SHA-256 of every file that decides a grade (the chapters' tests and
/// project files, the build plumbing, the Kit) and every test with its points. Committed; `grade`
/// compares a submission against it, and uses its points when a chapter cannot even be listed.
/// Steps (each test's README step, [Step(n)]), GpuOnly (the [GpuOnly] tests of each chapter) and
/// LearnerFiles (the files the learner writes, those whose stubs hold a TODO) are optional: a
/// manifest written before them still loads.
/// </summary>
public sealed record TestManifest(string Schema, SortedDictionary<string, string> Files,
    SortedDictionary<string, SortedDictionary<string, int>> Tests,
    SortedDictionary<string, SortedDictionary<string, int>>? Steps = null,
    SortedDictionary<string, SortedSet<string>>? GpuOnly = null,
    SortedDictionary<string, SortedSet<string>>? LearnerFiles = null)
{
    /// <summary>Points a chapter can score on this machine: GPU-only tests count only where there is CUDA.</summary>
    public int MaxPoints(string chapter, bool cuda) =>
        Tests.GetValueOrDefault(chapter)?.Where(t => cuda || GpuOnly?.GetValueOrDefault(chapter)?.Contains(t.Key) != true)
            .Sum(t => t.Value) ?? 0;

    public const string SchemaId = "katas-manifest/1";

    static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string PathIn(string repo) => Course.Unchecked(repo).TestManifest;

    public static TestManifest? Load(string repo)
    {
        var path = PathIn(repo);
        if (!File.Exists(path)) return null;
        try { return JsonSerializer.Deserialize<TestManifest>(File.ReadAllText(path), Json); }
        catch (JsonException e) { throw new GraderException($"{path} is not a valid manifest: {e.Message}"); }
    }

    public void Save(string repo) => AtomicFile.WriteAllText(PathIn(repo), JsonSerializer.Serialize(this, Json) + "\n");

    static readonly string[] RootFiles = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "NuGet.config", ".editorconfig", "Directory.Build.rsp"];

    /// <summary>The files that decide a grade, relative to the repository, with '/' separators.</summary>
    public static IEnumerable<string> ProtectedFiles(string repo)
    {
        IEnumerable<string> Under(string folder, string pattern) =>
            Directory.Exists(Path.Combine(repo, folder))
                ? Directory.EnumerateFiles(Path.Combine(repo, folder), pattern, SearchOption.AllDirectories)
                    .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                             && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                : [];
        var files = new List<string>();
        foreach (var chapter in Chapter.All(repo))
        {
            files.AddRange(Under(Path.GetRelativePath(repo, Course.TestsOf(chapter)), "*"));
            files.Add(chapter.Project);
        }
        // The build plumbing (eng/*.props, *.targets, ...), not the CI scripts and tools below it.
        if (Directory.Exists(Path.Combine(repo, "eng"))) files.AddRange(Directory.EnumerateFiles(Path.Combine(repo, "eng")));
        files.AddRange(Under(Course.KitTestingFolder, "*.cs"));
        files.AddRange(RootFiles.Select(f => Path.Combine(repo, f)).Where(File.Exists));
        return files.Select(f => Path.GetRelativePath(repo, f).Replace('\\', '/')).Distinct().Order(StringComparer.Ordinal);
    }

    /// <summary>SHA-256 of a text file with line endings normalised (a Windows checkout hashes the same).</summary>
    public static string Hash(string path)
    {
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public static SortedDictionary<string, string> HashAll(string repo) =>
        new(ProtectedFiles(repo).ToDictionary(f => f, f => Hash(Path.Combine(repo, f))), StringComparer.Ordinal);

    /// <summary>What differs between this manifest and the repository's files.</summary>
    public TamperReport Compare(string repo)
    {
        var now = HashAll(repo);
        return new TamperReport
        {
            ManifestFound = true,
            Changed = Files.Where(f => now.TryGetValue(f.Key, out var h) && h != f.Value).Select(f => f.Key).ToList(),
            Added = now.Keys.Where(f => !Files.ContainsKey(f)).ToList(),
            Deleted = Files.Keys.Where(f => !now.ContainsKey(f)).ToList(),
        };
    }

    /// <summary>
    /// Why this (committed) manifest is out of date against <paramref name="fresh"/>, one made from
    /// the course now: files whose hashes differ, tests, points, steps or GPU-only marks that changed.
    /// </summary>
    public IReadOnlyList<string> Differences(TestManifest fresh, string repo)
    {
        var problems = new List<string>();
        var files = Compare(repo);
        problems.AddRange(files.Changed.Select(f => "changed: " + f));
        problems.AddRange(files.Added.Select(f => "not in the manifest: " + f));
        problems.AddRange(files.Deleted.Select(f => "in the manifest, missing: " + f));
        foreach (var (chapter, tests) in fresh.Tests)
            if (!Tests.TryGetValue(chapter, out var old) || !old.SequenceEqual(tests))
                problems.Add($"tests or points of {chapter} differ");
        foreach (var (chapter, steps) in fresh.Steps ?? [])
            if (Steps?.TryGetValue(chapter, out var old) != true || !old!.SequenceEqual(steps))
                problems.Add($"the README steps of {chapter}'s tests differ");
        foreach (var (chapter, gpu) in fresh.GpuOnly ?? [])
            if (GpuOnly?.TryGetValue(chapter, out var old) != true || !old!.SetEquals(gpu))
                problems.Add($"the GPU-only tests of {chapter} differ");
        problems.AddRange(Tests.Keys.Except(fresh.Tests.Keys).Select(c => $"chapter {c} no longer exists"));
        return problems;
    }
}
