namespace Katas.Grader.Running;

/// <summary>
/// Trusted-tests grading: a fresh copy of a trusted repository (tests, project files, build
/// plumbing, Kit) into which only the learner's own code is copied: the .cs files of each
/// chapter outside Tests/. Whatever a submission changed elsewhere cannot influence its grade.
/// </summary>
public static class Workspace
{
    static readonly string[] Skipped = [".git", "artifacts", "bin", "obj", "out", "TestResults", "cache", "node_modules"];

    public static string Prepare(string submission, string trusted, string into)
    {
        if (!Directory.Exists(Path.Combine(trusted, "exercises")))
            throw new GraderException($"--trusted-tests {trusted}: not a copy of the katas (it has no exercises/ folder).");
        if (Directory.Exists(into)) Directory.Delete(into, recursive: true);
        CopyTree(trusted, into, _ => true);
        foreach (var chapter in Chapter.All(into))
        {
            var mine = Path.Combine(submission, "exercises", chapter.Id);
            if (!Directory.Exists(mine)) continue;
            // Start from the trusted stubs, then lay the learner's files over them.
            CopyTree(mine, chapter.Folder, relative =>
                relative.EndsWith(".cs", StringComparison.Ordinal)
                && !relative.Replace('\\', '/').StartsWith("Tests/", StringComparison.Ordinal));
        }
        return into;
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
