using Katas.Tooling;
using Katas.Grader.Layout;
using Katas.Grader.Model;
using Katas.Grader.Running;

namespace Katas.Grader.Instructor;

/// <summary>
/// `katas export solutions-branch`: a git branch (default "solutions") where every exercise stub is
/// replaced by its solution, so that a student's branch can be diffed against it. The branch is
/// built in a temporary worktree and its tests are run; if any fails, the branch is deleted again.
/// </summary>
public static class SolutionsBranch
{
    /// <summary>The branch it makes unless told otherwise.</summary>
    public const string DefaultBranch = "solutions";

    public sealed record Result(string Branch, string Commit, GradeResult Check);

    public static async Task<Result> CreateAsync(string repo, string branch, IReadOnlyCollection<string> chapters,
        IGradingProgress? progress, CancellationToken cancel)
    {
        if (!Git.IsRepository(repo)) throw new GraderException("export solutions-branch: the repository is not a git checkout.");
        if (!Directory.Exists(Path.Combine(repo, Course.SolutionsFolder))) throw new GraderException("export solutions-branch: there is no solutions/ folder.");
        var worktree = Path.Combine(Path.GetTempPath(), $"katas-{branch}-{Guid.NewGuid():N}"[..(branch.Length + 15)]);
        Git.Run(repo, "worktree", "add", "-q", "--force", "-B", branch, worktree, "HEAD");
        var keep = false;
        try
        {
            foreach (var chapter in Chapter.All(worktree))
            {
                var solution = Path.Combine(worktree, Course.SolutionsFolder, chapter.Id);
                if (!Directory.Exists(solution)) continue;
                foreach (var file in Directory.EnumerateFiles(solution, "*.cs", SearchOption.AllDirectories))
                    File.Copy(file, Path.Combine(chapter.Folder, Path.GetRelativePath(solution, file)), overwrite: true);
            }
            Git.Run(worktree, "add", "-A", Course.ExercisesFolder);
            Git.Run(worktree, "commit", "-q", "--allow-empty", "-m", "Solutions: every exercise stub replaced by its solution");
            var check = await Grading.RunAsync(worktree, new GradeOptions { Chapters = chapters }, progress, cancel: cancel).ConfigureAwait(false);
            var failing = check.Chapters.SelectMany(c => c.Tests.Where(t => t.Status is not (TestStatus.Passed or TestStatus.Skipped))
                .Select(t => $"{c.Id}: {t.Method} ({t.Status})"))
                .Concat(check.Chapters.Where(c => c.Broken)
                    .Select(c => $"{c.Id}: {c.Status}")).ToList();
            if (failing.Count > 0)
                throw new GraderException($"export solutions-branch: the branch's own tests fail, so it was not kept:\n  {string.Join("\n  ", failing.Take(20))}");
            keep = true;
            return new Result(branch, Git.Run(worktree, "rev-parse", "--short", "HEAD").Trim(), check);
        }
        finally
        {
            Git.Run(repo, "worktree", "remove", "--force", worktree);
            if (!keep) Git.Run(repo, "branch", "-D", branch);
        }
    }
}
