using Katas.Tooling;
using Katas.Grader.Core;
using Katas.Grader.Integrity;
using Katas.Grader.Model;
using Katas.Grader.Rendering;
using Katas.Grader.Layout;
using Katas.Grader.Running;
using TestResult = Katas.Grader.Model.TestResult;

namespace Katas.Grader.Tests;

/// <summary>The grader's parts on their own, without building anything.</summary>
public class PiecesTests
{
    static TestResult T(string method, TestStatus status, int max = 1, string? message = null) => new()
    {
        Name = "Ns.Class." + method, Class = "Ns.Class", Method = method, Status = status,
        Points = status == TestStatus.Passed ? max : 0, MaxPoints = max, Message = message,
    };

    static ChapterResult Ch(string id, params TestResult[] tests) =>
        Grading.Summarise(new Chapter(id, int.Parse(id[..2], System.Globalization.CultureInfo.InvariantCulture), "Title", "/x", "/x/X.csproj"),
            [.. tests], null, null, TimeSpan.FromSeconds(2), []);

    [Theory]
    [InlineData(1, 8, 1)]   // one chapter (watch, grade --chapter N): no worker process to start
    [InlineData(8, 2, 1)]   // 2 cores: the compiler uses both on its own
    [InlineData(8, 1, 1)]
    [InlineData(8, 8, 4)]   // one MSBuild per two cores
    [InlineData(3, 16, 3)]  // never more than one per chapter
    public void The_chapters_build_in_one_msbuild_process_per_two_cores_and_at_most_one_per_chapter(int chapters, int cores, int nodes) =>
        Builder.Nodes(chapters, cores).ShouldBe(nodes);

    [Fact]
    public void Compiler_errors_are_parsed_with_repository_relative_paths()
    {
        var errors = Builder.ParseErrors(
        [
            "/repo/exercises/01-A/Net.cs(12,5): error CS1002: ; expected [/repo/exercises/01-A/A.csproj]",
            "/repo/exercises/01-A/Net.cs(12,5): error CS1002: ; expected [/repo/exercises/01-A/A.csproj]",
            "/usr/share/dotnet/sdk/NuGet.targets(1,1): error NU1101: Unable to find package Foo. [/repo/exercises/01-A/A.csproj]",
        ], "/repo");

        errors.Count.ShouldBe(2, "the same error reported twice is shown once");
        errors[0].Error.ToString().ShouldBe("exercises/01-A/Net.cs(12,5): CS1002: ; expected");
        errors[0].Project.ShouldBe("exercises/01-A/A.csproj", "a build of several chapters gives each its own errors");
        errors[1].Error.Code.ShouldBe("NU1101");
    }

    [Fact]
    public void A_chapter_whose_tests_all_hit_stubs_is_not_started_and_one_with_a_pass_is_in_progress()
    {
        Ch("01-A", T("a", TestStatus.NotImplemented), T("b", TestStatus.NotImplemented)).Status.ShouldBe(ChapterStatus.NotStarted);
        Ch("01-A", T("a", TestStatus.Passed), T("b", TestStatus.NotImplemented)).Status.ShouldBe(ChapterStatus.Failed);
        Ch("01-A", T("a", TestStatus.Passed), T("b", TestStatus.Skipped, 5)).Status.ShouldBe(ChapterStatus.Passed);
    }

    [Fact]
    public void The_next_test_to_fix_is_a_real_failure_before_a_stub_and_the_lowest_todo_first()
    {
        var ch = Ch("01-A", T("a", TestStatus.NotImplemented, message: "TODO 2: b"), T("b", TestStatus.NotImplemented, message: "TODO 1: a"));
        Words.NextToFix(ch)!.Method.ShouldBe("b");

        var withFailure = Ch("01-A", T("a", TestStatus.NotImplemented, message: "TODO 1: a"), T("c", TestStatus.Failed, message: "wrong"));
        Words.NextToFix(withFailure)!.Method.ShouldBe("c");
    }

    [Fact]
    public void Chapters_are_found_in_order_with_their_readme_titles()
    {
        var chapters = Chapter.All(FixtureCourse.Source);

        chapters.Select(c => c.Number).ShouldBe([1, 2, 3, 4, 5, 6, 7, 8]);
        chapters[1].Title.ShouldBe("Partial");
        chapters[2].Title.ShouldBe("03-Hang", "without a README the folder name is the title");
        Should.Throw<GraderException>(() => Chapter.Select(FixtureCourse.Source, ["9"])).Message.ShouldContain("No chapter '9'");
    }

    [Fact]
    public void A_report_lists_the_tests_whose_status_differs_between_two_runs()
    {
        GradeResult Run(string device, params TestResult[] tests)
        {
            var ch = Ch("01-A", tests);
            return new GradeResult
            {
                Run = new RunFacts { Track = "solutions", Device = device, RequestedDevice = device, Backend = "cpu", Os = "x", Cpu = "c", Cores = 2,
                    DotNetVersion = "10", GraderVersion = "1", StartedAt = DateTimeOffset.UnixEpoch },
                Score = GradeResult.Total([ch]), Tamper = new TamperReport(), Chapters = [ch],
            };
        }
        var cpu = Run("cpu", T("a", TestStatus.Passed), T("gpu", TestStatus.Skipped));
        var gpu = Run("cuda", T("a", TestStatus.Passed), T("gpu", TestStatus.Passed));

        var cmp = Comparison.Of(cpu, gpu);

        cmp.Differences.ShouldHaveSingleItem().Test.ShouldBe("Ns.Class.gpu");
        var md = cmp.ToMarkdown();
        md.ShouldContain("A: cpu, solutions");
        md.ShouldContain("B: cuda, solutions");
        md.ShouldContain("| 01-A: gpu | skipped: ");
    }

    [Fact]
    public void Results_of_different_chapters_merge_into_one_with_the_summed_score_and_all_tampering()
    {
        GradeResult Part(ChapterResult ch, params string[] changed) => new()
        {
            Run = new RunFacts { Track = "exercises", Device = "cpu", RequestedDevice = "cpu", Backend = "cpu", Os = "x", Cpu = "c", Cores = 2,
                DotNetVersion = "10", GraderVersion = "1", StartedAt = DateTimeOffset.UnixEpoch },
            Score = GradeResult.Total([ch]), Tamper = new TamperReport { ManifestFound = true, Changed = changed }, Chapters = [ch], DurationSeconds = 5,
        };
        var two = Part(Ch("02-B", T("x", TestStatus.Passed, 2), T("y", TestStatus.Failed, 3)), "exercises/02-B/Tests/T.cs");
        var one = Part(Ch("01-A", T("a", TestStatus.Passed, 1)));

        var merged = ResultMerge.Merge([two, one]);

        merged.Chapters.Select(c => c.Id).ShouldBe(["01-A", "02-B"]);
        merged.Score.ShouldBe(new Score(3, 6, 0));
        merged.Tamper.Changed.ShouldBe(["exercises/02-B/Tests/T.cs"]);
        Should.Throw<GraderException>(() => ResultMerge.Merge([one, one])).Message.ShouldContain("01-A");
    }

    static GradeResult Part(ChapterResult ch) => new()
    {
        Run = new RunFacts { Track = "exercises", Device = "cpu", RequestedDevice = "cpu", Backend = "cpu", Os = "x", Cpu = "c", Cores = 2,
            DotNetVersion = "10", GraderVersion = "1", StartedAt = DateTimeOffset.UnixEpoch },
        Score = GradeResult.Total([ch]), Tamper = new TamperReport { ManifestFound = true }, Chapters = [ch],
    };

    /// <summary>A trusted checkout with only a manifest: chapter 02-B has tests worth 2 + 5 points.</summary>
    static TempFolder ManifestRepo()
    {
        var repo = new TempFolder("katas-merge-");
        var tests = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal)
        {
            ["01-A"] = new(StringComparer.Ordinal) { ["Ns.Class.a"] = 1 },
            ["02-B"] = new(StringComparer.Ordinal) { ["Ns.BTests.x"] = 2, ["Ns.BTests.y"] = 5 },
        };
        new TestManifest(TestManifest.SchemaId, new(StringComparer.Ordinal), tests).Save(repo.Path);
        return repo;
    }

    [Fact]
    public void A_planned_chapter_without_a_result_scores_zero_of_its_manifest_maximum_and_says_why()
    {
        using var repo = ManifestRepo();
        var one = Part(Ch("01-A", T("a", TestStatus.Passed, 1)));

        var merged = ResultMerge.Merge([one], ResultMerge.Planned("[\"01-A\",\"02-B\"]"), Course.Unchecked(repo.Path));

        merged.Score.ShouldBe(new Score(1, 8, 0), "the missing chapter's 7 points stay in the maximum");
        var missing = merged.Chapters.Single(c => c.Id == "02-B");
        missing.Number.ShouldBe(2);
        missing.Points.ShouldBe(0);
        missing.Tests.Select(t => (t.Name, t.Status, t.MaxPoints)).ShouldBe([("Ns.BTests.x", TestStatus.NotRun, 2), ("Ns.BTests.y", TestStatus.NotRun, 5)]);
        missing.Message!.ShouldContain("not graded: its grading job left no result");
        MarkdownReport.Render(merged).ShouldContain("Points 1/8");
    }

    [Fact]
    public void A_merge_with_a_plan_refuses_a_chapter_outside_it_and_one_the_manifest_does_not_know()
    {
        using var repo = ManifestRepo();
        var forged = Part(Ch("09-Z", T("z", TestStatus.Passed, 100)));
        Should.Throw<GraderException>(() => ResultMerge.Merge([forged], ["01-A"], Course.Unchecked(repo.Path)))
            .Message.ShouldContain("09-Z");
        Should.Throw<GraderException>(() => ResultMerge.Merge([], ["03-C"], Course.Unchecked(repo.Path)))
            .Message.ShouldContain("03-C has no result and is not in the manifest");
    }

    [Fact]
    public void An_atomic_write_replaces_the_whole_file_and_leaves_no_temporary_file()
    {
        var folder = Directory.CreateTempSubdirectory("katas-atomic-").FullName;
        try
        {
            var path = Path.Combine(folder, "r.json");
            File.WriteAllText(path, new string('x', 10_000));

            AtomicFile.WriteAllText(path, "{}");

            File.ReadAllText(path).ShouldBe("{}");
            Directory.GetFiles(folder).ShouldBe([path]);
        }
        finally { Directory.Delete(folder, true); }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_watcher_notices_a_saved_file_but_not_build_output(bool poll)
    {
        var folder = Directory.CreateTempSubdirectory("katas-watch-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "Net.cs"), "// v1");
            Directory.CreateDirectory(Path.Combine(folder, "obj"));
            using var watcher = new ChangeWatcher(folder, poll, TimeSpan.FromMilliseconds(100));
            var cancel = TestContext.Current.CancellationToken;

            var quiet = watcher.WaitForChangeAsync(cancel);
            File.WriteAllText(Path.Combine(folder, "obj", "Generated.cs"), "// build output");
            (await Task.WhenAny(quiet, Task.Delay(2500, cancel))).ShouldNotBe(quiet, "a file under obj/ is not the learner's");

            File.WriteAllText(Path.Combine(folder, "Net.cs"), "// v2, saved");
            (await Task.WhenAny(quiet, Task.Delay(10_000, cancel))).ShouldBe(quiet, "saving a .cs file wakes the watcher");
        }
        finally { Directory.Delete(folder, true); }
    }
}
