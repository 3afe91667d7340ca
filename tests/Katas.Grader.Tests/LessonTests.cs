using Katas.Grader.Core;
using System.Text.Json;
using Katas.Grader.Commands;
using Katas.Grader.Model;
using Katas.Grader.Rendering;
using Katas.Grader.Layout;
using Katas.Grader.Running;
using TestResult = Katas.Grader.Model.TestResult;

namespace Katas.Grader.Tests;

/// <summary>What the grader teaches beside a failure: the whole message, the step, its hints, the file to write in.</summary>
public class LessonTests
{
    static TestResult T(string method, TestStatus status, int max = 1, string? message = null, int? step = null, bool gpuOnly = false) => new()
    {
        Name = "Ns.Class." + method, Class = "Ns.Class", Method = method, Status = status,
        Points = status == TestStatus.Passed ? max : 0, MaxPoints = max, Message = message, Step = step, GpuOnly = gpuOnly,
    };

    static ChapterResult Ch(string id, params TestResult[] tests) =>
        Grading.Summarise(new Chapter(id, int.Parse(id[..2], System.Globalization.CultureInfo.InvariantCulture), "Title", "/x", "/x/X.csproj"),
            [.. tests], null, null, TimeSpan.FromSeconds(2), []);

    static Chapter Partial => Chapter.All(FixtureCourse.Source).Single(c => c.Id == "02-Partial");

    const string ShouldlyMessage = """
        rowsSumToOne
            should be
        False
            but was
        True

        Additional Info:
            Forward returns probabilities: remove the softmax, CrossEntropyLoss applies log_softmax itself (README step 3)
        """;

    [Fact]
    public void The_whole_message_keeps_shouldlys_custom_message_and_additional_info()
    {
        var full = Words.Full(ShouldlyMessage);

        full.ShouldStartWith("rowsSumToOne");
        full.ShouldContain("remove the softmax");
        full.ShouldContain("(README step 3)");
        Words.Brief(ShouldlyMessage).ShouldBe("rowsSumToOne", "a table cell keeps one line; the Next box and hint keep all of it");
    }

    [Fact]
    public void The_next_test_to_fix_is_the_lowest_step_by_number_not_by_text()
    {
        Words.NextToFix(Ch("02-B", T("last", TestStatus.NotImplemented, message: "TODO 10: ShuffledBatches"),
            T("first", TestStatus.NotImplemented, message: "TODO 2: Loader"))).ShouldNotBeNull().Method.ShouldBe("first");

        Words.NextToFix(Ch("02-B", T("later", TestStatus.Failed, message: "wrong", step: 5),
            T("earlier", TestStatus.NotImplemented, message: "TODO 9: x", step: 3))).ShouldNotBeNull().Method
            .ShouldBe("earlier", "[Step] decides, whatever TODO a stub's message happens to name");

        Words.NextToFix(Ch("02-B", T("stub", TestStatus.NotImplemented, message: "TODO 4: a", step: 4),
            T("mistake", TestStatus.Failed, message: "wrong", step: 4))).ShouldNotBeNull().Method
            .ShouldBe("mistake", "within a step a real failure is closest to done");
    }

    [Fact]
    public void On_a_machine_without_cuda_a_gpu_only_test_is_not_counted_whatever_its_outcome_and_is_never_next()
    {
        TestResult Gpu(TestStatus status) => MachineScope.Apply(T("On_cuda_x", status, 3, "TODO 2: Predict", step: 2, gpuOnly: true), cuda: false);

        var stubbed = Ch("06-G", T("cpu", TestStatus.NotImplemented, 2, "TODO 2: Predict", step: 2), Gpu(TestStatus.NotImplemented));
        var done = Ch("06-G", T("cpu", TestStatus.Passed, 2, step: 2), Gpu(TestStatus.Skipped));

        stubbed.MaxPoints.ShouldBe(2);
        done.MaxPoints.ShouldBe(2, "the maximum does not move as the learner's code gets further");
        done.Status.ShouldBe(ChapterStatus.Passed);
        Words.NextToFix(stubbed).ShouldNotBeNull().Method.ShouldBe("cpu");
        Gpu(TestStatus.NotImplemented).Message!.ShouldStartWith(MachineScope.NotCountedHere);
        MachineScope.Apply(T("On_cuda_x", TestStatus.Failed, 3, "wrong", gpuOnly: true), cuda: true).Status
            .ShouldBe(TestStatus.Failed, "where there is CUDA it counts like any test");
    }

    [Fact]
    public void All_done_only_when_every_chapter_of_the_course_passes()
    {
        var passed = Ch("01-A", T("a", TestStatus.Passed, step: 1));
        var untouched = new ChapterResult { Id = "02-B", Number = 2, Title = "B", Status = ChapterStatus.NotStarted, MaxPoints = 5 };

        Guide.NextStep([passed, untouched]).Title.ShouldBe("Next: chapter 2, B");
        Guide.NextStep([passed]).Title.ShouldBe("All done");
    }

    [Fact]
    public void The_next_box_shows_the_step_and_points_at_the_learners_file_never_a_test_file()
    {
        var failing = T("Square_of_3_is_9", TestStatus.Failed, message: ShouldlyMessage, step: 2) with
        {
            Location = "at Fixture.Tests.MathsTests.Square_of_3_is_9() in exercises/02-Partial/Tests/MathsTests.cs:line 9",
        };
        var lesson = Hints.For(Partial, 2);

        var (_, body) = Guide.NextStep([Ch("02-Partial", failing)], (_, step) => Hints.For(Partial, step));

        body.ShouldContain("step 2 (Square)");
        body.ShouldContain("remove the softmax");
        body.ShouldContain("exercises/02-Partial/Maths.cs:7");
        body.ShouldNotContain("Tests/MathsTests.cs");
        var stub = T("Square_of_3_is_9", TestStatus.NotImplemented, step: 2) with { Location = "at Fixture.Maths.Square(Int32 x) in exercises/02-Partial/Maths.cs:line 7" };
        Guide.WhereToWrite(stub, lesson).ShouldBe("exercises/02-Partial/Maths.cs:7");
    }

    [Fact]
    public void A_step_has_its_readme_text_and_hints_in_three_levels()
    {
        var lesson = Hints.For(Partial, 2);

        lesson.ReadmeStep.ShouldBe("2. **Square.** Return x*x.");
        lesson.Title.ShouldBe("Square");
        lesson.Levels.Select(l => l.Title).ShouldBe(["Concept", "API", "Near-code"]);
        lesson.Levels[0].Text.ShouldBe("A square is a number times itself.", "a paragraph's lines are joined for the console");
        lesson.Levels[2].Text.ShouldBe("Multiply x by x.");
        lesson.WhereToWrite.ShouldBe("exercises/02-Partial/Maths.cs:7");
        Hints.For(Partial, 9).Levels.ShouldBeEmpty();
    }

    [Fact]
    public void The_readme_step_is_found_under_a_steps_heading_that_says_more()
    {
        var chapter = Chapter.Select(FixtureCourse.Repo, ["1"])[0];

        Hints.ReadmeStep(chapter, 3).ShouldNotBeNull().ShouldContain("softmax");
        Hints.ReadmeSteps(chapter).ShouldBe([1, 2, 3, 4, 5, 6, 7]);
    }

    [Fact]
    public void Hint_levels_shown_are_remembered_and_hint_follows_the_chapter_graded_last()
    {
        var repo = Directory.CreateTempSubdirectory("katas-learner-").FullName;
        try
        {
            ProgressStore.LoadLearner(Course.Unchecked(repo)).RevealedLevels("02-Partial", 2).ShouldBe(0);
            ProgressStore.Reveal(Course.Unchecked(repo), "02-Partial", 2, 1);
            ProgressStore.Reveal(Course.Unchecked(repo), "02-Partial", 2, 2);
            ProgressStore.Reveal(Course.Unchecked(repo), "02-Partial", 2, 1).RevealedLevels("02-Partial", 2).ShouldBe(2, "never fewer than before");
            ProgressStore.LoadLearner(Course.Unchecked(repo)).RevealedLevels("02-Partial", 2).ShouldBe(2);

            File.WriteAllText(Path.Combine(repo, "artifacts", "katas", "learner.json"), "{ broken");
            ProgressStore.LoadLearner(Course.Unchecked(repo)).RevealedLevels("02-Partial", 2).ShouldBe(0, "a broken file only forgets");
        }
        finally { Directory.Delete(repo, true); }

        var chapters = Chapter.All(FixtureCourse.Source);
        var progress = Run(Ch("01-Passing", T("a", TestStatus.Passed)), Ch("02-Partial", T("b", TestStatus.NotImplemented)),
            Ch("03-Hang", T("c", TestStatus.Failed)));
        LearnerProgress.Current(chapters, progress, "03-Hang").Id.ShouldBe("03-Hang");
        LearnerProgress.Current(chapters, progress, "01-Passing").Id
            .ShouldBe("02-Partial", "the chapter graded last passes: on to the first that does not");
        LearnerProgress.Current(chapters, progress, null).Id.ShouldBe("02-Partial");
    }

    [Fact]
    public void Next_follows_the_chapter_the_learner_works_on_not_the_first_unfinished_one()
    {
        var first = Ch("01-A", T("a", TestStatus.NotImplemented, step: 1));
        var second = Ch("02-B", T("b", TestStatus.Passed, step: 1));
        var third = Ch("03-C", T("c", TestStatus.Failed, step: 1));
        var seventh = Ch("07-G", T("g", TestStatus.Passed, step: 1));
        ChapterResult[] course = [first, second, third, seventh];

        Guide.NextStep(course, workingOn: "03-C").Title.ShouldStartWith("Next: chapter 3", customMessage: "the chapter graded last does not pass: stay there");
        Guide.NextStep(course, workingOn: "02-B").Title.ShouldStartWith("Next: chapter 3", customMessage: "it passes: on to the next one after it");
        Guide.NextStep(course, workingOn: "02-B").Body.ShouldContain("Still open before it: chapter 1.");
        Guide.NextStep(course, workingOn: "07-G").Title.ShouldStartWith("Next: chapter 1", customMessage: "nothing after it is left: back to the first unfinished");
        Guide.NextStep(course).Title.ShouldStartWith("Next: chapter 1", customMessage: "a newcomer starts at the beginning");
    }

    static GradeResult Run(params ChapterResult[] chapters) => new()
    {
        Run = new RunFacts { Track = "exercises", Device = "cpu", RequestedDevice = "cpu", Backend = "cpu", Os = "x", Cpu = "c", Cores = 2,
            DotNetVersion = "10", GraderVersion = "1", StartedAt = DateTimeOffset.UnixEpoch },
        Score = GradeResult.Total(chapters), Tamper = new TamperReport(), Chapters = chapters,
    };

    [Fact]
    public void Steps_and_gpu_only_marks_are_read_from_xunits_traits()
    {
        var m = JsonDocument.Parse("""{ "Traits": { "Points": ["3"], "Step": ["4"], "Device": ["cuda"] } }""").RootElement;
        var none = JsonDocument.Parse("""{ "Traits": { "Points": ["3"] } }""").RootElement;

        ResultLedger.StepOf(m).ShouldBe(4);
        ResultLedger.GpuOnlyOf(m).ShouldBeTrue();
        ResultLedger.StepOf(none).ShouldBeNull();
        ResultLedger.GpuOnlyOf(none).ShouldBeFalse();
    }

    [Fact]
    public void A_chapters_files_are_the_learners_where_a_todo_is_and_given_otherwise()
    {
        var chapter = Chapter.Select(FixtureCourse.Repo, ["1"])[0];
        var (yours, given) = Hints.Files(chapter);

        yours.ShouldBe(["Clusters.cs", "Net.cs", "Training.cs"]);
        given.ShouldBe(["DecisionPlot.cs"]);
        Hints.Files(chapter, ["Net.cs", "Training.cs"]).Yours.ShouldBe(["Net.cs", "Training.cs"],
            "what the manifest recorded wins: a file the learner has finished holds no TODO any more");
    }
}
