using Katas.Grader.Layout;
using System.Text.RegularExpressions;
using Katas.Grader.Running;
using Katas.Kit;
using Katas.Tooling;

namespace Katas.Grader.Instructor;

/// <summary>
/// `katas export student DIR`: a course template without the answers. A fresh git repository (no
/// history), holding what git tracks here minus what is the master's alone: solutions/,
/// instructor/ (keep hidden tests there), bench/ (it times the solutions), tests/ (the Kit's and the
/// grader's own tests, which stay in the master's CI, so that a student's `dotnet test` runs the
/// chapters only), the docs about those, and a class's submissions and gradebook. Solution-only
/// passages of Markdown files are removed, and a final check refuses the export if any line that
/// only a solution contains appears anywhere.
/// </summary>
public static partial class StudentExport
{
    /// <summary>Folders and files (paths from the repository root) that never reach students.</summary>
    public static readonly string[] Excluded =
    [
        Course.SolutionsFolder, Course.InstructorFolder, "bench", "tests", "submissions", "gradebook",
        "docs/performance.md", "docs/authoring-a-chapter.md", "docs/workflows.md", "docs/mistakes.md",
    ];

    static bool IsExcluded(string file) => Excluded.Any(x => file == x || file.StartsWith(x + "/", StringComparison.Ordinal));

    public sealed record Result(string Folder, int Files, IReadOnlyList<string> RemovedProjects);

    /// <summary>
    /// Files the template gets at another path than the master's. The GitHub Classroom workflow lives
    /// in the master under eng/classroom/, where GitHub never runs it (the master's pushes are not
    /// student work), and becomes the template's .github/workflows/classroom.yml, where Classroom
    /// looks for it.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Moved = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["eng/classroom/classroom.yml"] = ".github/workflows/classroom.yml",
    };

    static string TemplatePath(string file) => Moved.TryGetValue(file, out var moved) ? moved : file;

    /// <summary>The template in <paramref name="target"/>, made a fresh git repository with one commit.</summary>
    public static Result Run(string repo, string target)
    {
        var result = WriteTree(repo, target);
        Git.Run(result.Folder, "init", "-q", "-b", "main");
        Git.Run(result.Folder, "add", "-A");
        Git.Run(result.Folder, "commit", "-q", "-m", "Course template (TorchSharp Katas, exercises only)");
        return result;
    }

    /// <summary>
    /// The template's files written to <paramref name="target"/> (new or empty), without making it a
    /// git repository: what <see cref="Run"/> commits, and the course copy a Gradescope autograder
    /// carries (<see cref="GradescopeExport"/>).
    /// </summary>
    public static Result WriteTree(string repo, string target)
    {
        target = Path.GetFullPath(target);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            throw new GraderException($"export student: {target} is not empty; choose a new folder.");
        // The template's pull requests are graded against its manifest: one that no longer matches
        // the tests would grade with stale points and ignore the newer tests.
        if (Integrity.TestManifest.Load(repo) is { } manifest && manifest.Compare(repo) is { Tampered: true } stale)
            throw new GraderException("export student: grader/tests-manifest.json does not match the course's tests (" +
                string.Join(", ", stale.Changed.Concat(stale.Added).Concat(stale.Deleted).Take(5)) +
                "), so the template would grade with stale points; run `dotnet run --project grader -- manifest`, commit it, then export.");
        var files = TrackedFiles(repo).Where(f => !IsExcluded(f)).ToList();
        foreach (var file in files)
        {
            var to = Path.Combine(target, TemplatePath(file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            if (file.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                File.WriteAllText(to, ForStudents(File.ReadAllText(Path.Combine(repo, file))));
            else
                File.Copy(Path.Combine(repo, file), to);
        }
        var removed = DropMissingProjects(target);
        var leaks = Leaks(repo, target);
        if (leaks.Count > 0)
        {
            Directory.Delete(target, recursive: true);
            throw new GraderException("export student: solution code would leak into the template, so nothing was exported:\n  " +
                                      string.Join("\n  ", leaks.Take(10)));
        }
        return new Result(target, files.Count, removed);
    }

    /// <summary>The files to export: git's tracked files, or every file but build output.</summary>
    static IEnumerable<string> TrackedFiles(string repo)
    {
        if (Git.IsRepository(repo))
            return Git.Run(repo, "ls-files", "-z").Split('\0', StringSplitOptions.RemoveEmptyEntries)
                .Where(f => File.Exists(Path.Combine(repo, f)));
        var skip = LearnerFiles.Skipped;
        return Directory.EnumerateFiles(repo, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(repo, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(skip.Contains));
    }

    /// <summary>
    /// Markdown for the template: passages between &lt;!-- solutions-only:start --&gt; and
    /// &lt;!-- solutions-only:end --&gt; are removed; &lt;!-- students-only ... --&gt; comments are uncovered.
    /// </summary>
    public static string ForStudents(string markdown)
    {
        var text = SolutionsOnly().Replace(markdown, "");
        return StudentsOnly().Replace(text, m => m.Groups[1].Value.Trim('\n') + "\n");
    }

    /// <summary>Removes from Katas.sln the projects that were not exported (e.g. bench/).</summary>
    static List<string> DropMissingProjects(string target)
    {
        var sln = Path.Combine(target, Course.Solution);
        var removed = new List<string>();
        if (!File.Exists(sln)) return removed;
        foreach (Match m in SolutionProject().Matches(File.ReadAllText(sln)))
        {
            var project = m.Groups[1].Value.Replace('\\', '/');
            if (project.EndsWith(".csproj", StringComparison.Ordinal) && !File.Exists(Path.Combine(target, project)))
                removed.Add(project);
        }
        if (removed.Count == 0) return removed;
        var outcome = ProcessRunner.RunAsync("dotnet", ["sln", sln, "remove", .. removed], target, null, TimeSpan.FromMinutes(2), null,
            CancellationToken.None).GetAwaiter().GetResult();
        if (outcome.ExitCode != 0) throw new GraderException($"export student: could not update Katas.sln: {outcome.StandardError}");
        return removed;
    }

    /// <summary>
    /// Runs of three or more consecutive lines that only a solution has (not its stub), found in an
    /// exported file: pasted answer code. A single line (a hint such as a method name) is not a leak.
    /// Given code of a chapter (a file with no twin in solutions/) may share lines with another
    /// chapter's answer: chapters stand alone, so chapter 4 gives the CNN that chapter 2 asks for.
    /// A chapter's hints.md is near-code on purpose (its last level, for a learner who asks): there a
    /// run of up to <see cref="NearCodeRun"/> lines is a hint, a longer one a whole answer pasted.
    /// </summary>
    static List<string> Leaks(string repo, string target)
    {
        // line -> the chapters whose solutions hold it (and whose stubs do not)
        var secret = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var solutions = Path.Combine(repo, Course.SolutionsFolder);
        if (!Directory.Exists(solutions)) return [];
        foreach (var file in Directory.EnumerateFiles(solutions, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(solutions, file);
            var chapter = relative.Split(Path.DirectorySeparatorChar)[0];
            var stub = Path.Combine(repo, Course.ExercisesFolder, relative);
            var stubLines = File.Exists(stub) ? File.ReadAllLines(stub).Select(l => l.Trim()).ToHashSet() : [];
            foreach (var line in File.ReadAllLines(file).Select(l => l.Trim()))
                if (line.Length >= 12 && !stubLines.Contains(line))
                    (secret.TryGetValue(line, out var chapters) ? chapters : secret[line] = []).Add(chapter);
        }
        var leaks = new List<string>();
        foreach (var file in Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories).Where(IsText))
        {
            var givenIn = GivenChapter(repo, Path.GetRelativePath(target, file));
            var longest = Path.GetFileName(file) == Course.HintsFile ? NearCodeRun : 2;
            var run = 0;
            var number = 0;
            foreach (var raw in File.ReadLines(file))
            {
                number++;
                var line = raw.Trim();
                if (line.Length == 0 || line is "{" or "}" or "};") continue; // blank lines and braces do not break a run
                var isSecret = secret.TryGetValue(line, out var chapters) && (givenIn is null || chapters.Contains(givenIn));
                run = isSecret ? run + 1 : 0;
                if (run == longest + 1) leaks.Add($"{Path.GetRelativePath(target, file)}:{number}: {line}");
            }
        }
        return leaks;
    }

    /// <summary>The most consecutive lines of a solution a hints.md may hold.</summary>
    public const int NearCodeRun = 6;

    /// <summary>The chapter of a given file (exercises/CHAPTER/..., no twin under solutions/), else null.</summary>
    static string? GivenChapter(string repo, string relative)
    {
        var parts = relative.Replace('\\', '/').Split('/');
        if (parts.Length < 3 || parts[0] != Course.ExercisesFolder) return null;
        return File.Exists(Path.Combine(repo, Course.SolutionsFolder, Path.Combine(parts[1..]))) ? null : parts[1];
    }

    static bool IsText(string file) =>
        Path.GetExtension(file) is ".cs" or ".md" or ".json" or ".props" or ".targets" or ".csproj" or ".sln" or ".yml" or ".sh" or ".txt" or ".py";

    [GeneratedRegex(@"<!-- solutions-only:start -->.*?<!-- solutions-only:end -->\n?", RegexOptions.Singleline)]
    private static partial Regex SolutionsOnly();

    [GeneratedRegex(@"<!-- students-only\n(.*?)-->\n?", RegexOptions.Singleline)]
    private static partial Regex StudentsOnly();

    [GeneratedRegex(@"^Project\(""\{[^}]+\}""\) = ""[^""]*"", ""([^""]+)""", RegexOptions.Multiline)]
    private static partial Regex SolutionProject();
}
