using Katas.Grader.Model;

namespace Katas.Grader.Running;

/// <summary>
/// An instructor's hidden tests: DIR/&lt;chapter id&gt;/*.cs (same conventions as the chapter's tests,
/// [Points] included), compiled into each chapter at grading time (in a workspace, never into the
/// submission itself) under Tests/Hidden/. Students see only "hidden test failed" unless the
/// instructor asks for the details.
/// </summary>
public static class HiddenTests
{
    public const string Folder = "Hidden";

    /// <summary>Copies DIR/CHAPTER/**.cs into the workspace's chapters; returns how many files.</summary>
    public static int CopyInto(string workspace, string extraTests)
    {
        if (!Directory.Exists(extraTests)) throw new GraderException($"--extra-tests {extraTests}: no such folder.");
        var copied = 0;
        foreach (var chapter in Chapter.All(workspace))
        {
            var source = Path.Combine(extraTests, chapter.Id);
            if (!Directory.Exists(source)) continue;
            foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories))
            {
                var target = Path.Combine(chapter.Folder, "Tests", Folder, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target, overwrite: true);
                copied++;
            }
        }
        var unknown = Directory.GetDirectories(extraTests).Select(Path.GetFileName)
            .Where(d => Chapter.All(workspace).All(c => c.Id != d)).ToList();
        if (unknown.Count > 0)
            throw new GraderException($"--extra-tests: no chapter named {string.Join(", ", unknown)} (folders must be named like exercises/, e.g. 01-SimpleClassifier).");
        return copied;
    }

    /// <summary>True for a test whose source file lies under a chapter's Tests/Hidden/.</summary>
    public static bool IsHidden(string? sourceFile) =>
        sourceFile is not null && sourceFile.Replace('\\', '/').Contains($"/Tests/{Folder}/", StringComparison.Ordinal);

    /// <summary>The student's view: hidden tests keep their points and pass/fail, nothing else.</summary>
    public static ChapterResult Mask(ChapterResult chapter)
    {
        var n = 0;
        var tests = chapter.Tests.Select(t => !t.Hidden ? t : t with
        {
            Name = $"Hidden.Test{++n}", Class = "Hidden", Method = $"Hidden_test_{n}",
            Message = t.Status switch
            {
                TestStatus.Passed => null,
                TestStatus.Skipped => "hidden test skipped",
                _ => "hidden test failed",
            },
            ExceptionType = null, Location = null, Output = null,
        }).ToList();
        return chapter with { Tests = tests };
    }
}
