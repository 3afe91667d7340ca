namespace Katas.Grader.Layout;

/// <summary>
/// The one rule for which files of a chapter are the learner's. Every .cs file under a chapter's
/// folder is learner code — whatever sub-folder it is in — except the chapter's own tests, which are
/// the files directly under its top-level Tests/ folder and below (those come from the trusted copy
/// in a workspace). Folders of build outputs and caches are never part of a submission. The
/// workspace copies by this rule, the allowlist checks by it, and grade-many digests by it.
/// </summary>
public static class LearnerFiles
{
    /// <summary>Folders never copied from a submission or a course, nor looked into: outputs, caches, VCS data.</summary>
    public static readonly IReadOnlySet<string> Skipped =
        new HashSet<string>([".git", "artifacts", "bin", "obj", "out", "TestResults", "cache", "node_modules"], StringComparer.Ordinal);

    /// <summary>True for a path (relative to the chapter's folder) that is the learner's code.</summary>
    public static bool IsLearnerSource(string relativeToChapter)
    {
        var parts = relativeToChapter.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 0 && parts[^1].EndsWith(".cs", StringComparison.Ordinal)
            && parts[0] != Course.TestsFolder && !parts.Any(Skipped.Contains);
    }

    /// <summary>True for a path (relative to the chapter's folder) that is one of the chapter's tests.</summary>
    public static bool IsTestSource(string relativeToChapter)
    {
        var parts = relativeToChapter.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 1 && parts[0] == Course.TestsFolder && parts[^1].EndsWith(".cs", StringComparison.Ordinal) && !parts.Any(Skipped.Contains);
    }

    /// <summary>Whether a path relative to some root lies in a skipped folder.</summary>
    public static bool InSkippedFolder(string relative) =>
        relative.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).Any(Skipped.Contains);
}
