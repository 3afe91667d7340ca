using Katas.Grader.Integrity;
using Katas.Grader.Layout;

namespace Katas.Grader.Running;

/// <summary>A test manifest made from the course as it is: every chapter built and its tests listed.</summary>
public static class ManifestBuilder
{
    /// <summary>Builds each chapter (exercises track: it exists in every copy) and lists its tests.</summary>
    public static async Task<TestManifest> BuildAsync(string repo, CancellationToken cancel)
    {
        var options = new GradeOptions();
        var tests = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        var steps = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        var gpuOnly = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var learnerFiles = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var chapters = Chapter.All(repo);
        var builds = await Builder.BuildAllAsync(repo, chapters, options, cancel).ConfigureAwait(false);
        foreach (var chapter in chapters)
        {
            var build = builds[chapter.Id];
            if (!build.Succeeded)
                throw new GraderException($"{chapter.Id} does not build, so its tests cannot be listed: " +
                                          (build.Problem ?? (build.Errors.Count > 0 ? build.Errors[0].ToString() : "")));
            var listed = await TestHost.ListTestsAsync(repo, build.TestAssembly!, cancel).ConfigureAwait(false);
            tests[chapter.Id] = new SortedDictionary<string, int>(listed.ToDictionary(t => t.Name, t => t.Points), StringComparer.Ordinal);
            steps[chapter.Id] = new SortedDictionary<string, int>(listed.Where(t => t.Step is not null)
                .ToDictionary(t => t.Name, t => t.Step!.Value), StringComparer.Ordinal);
            learnerFiles[chapter.Id] = new SortedSet<string>(Hints.Files(chapter).Yours, StringComparer.Ordinal);
            if (listed.Any(t => t.GpuOnly)) gpuOnly[chapter.Id] = new SortedSet<string>(listed.Where(t => t.GpuOnly).Select(t => t.Name), StringComparer.Ordinal);
        }
        return new TestManifest(TestManifest.SchemaId, TestManifest.HashAll(repo), tests, steps, gpuOnly, learnerFiles);
    }
}
