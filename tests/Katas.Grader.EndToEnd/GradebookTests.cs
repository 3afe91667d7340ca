using Katas.Grader.Model;
using Katas.Tooling;
using Katas.Grader.Instructor;
using Katas.Grader.Integrity;
using Katas.Grader.Rendering;
using Katas.Grader.Layout;
using Katas.Grader.Running;

namespace Katas.Grader.EndToEnd;

/// <summary>
/// `grade-many` over a class of fixture submissions of chapter 2: one that attacks a classmate and the course, a clean one (and the same as an
/// unpacked zip), a partial one, a tampered one, one that does not build, one that hangs, and a
/// folder that is not a submission at all. Identical code is graded once. Two lanes, as an
/// instructor runs it: the others are graded while the hanging one waits out its time limit.
/// </summary>
public sealed class GradebookTests : IDisposable
{
    readonly FixtureCourse _trusted = new("teacher");
    readonly string _class = Path.Combine(Path.GetTempPath(), "katas-fixtures", $"class-{Guid.NewGuid():N}"[..14]);

    public void Dispose()
    {
        _trusted.Dispose();
        try { Directory.Delete(_class, true); } catch (IOException) { }
    }

    string Student(string name, Action<string>? change = null, string? nested = null)
    {
        var root = nested is null ? Path.Combine(_class, "submissions", name) : Path.Combine(_class, "submissions", name, nested);
        FixtureCourse.Copy(_trusted.Root, root);
        Directory.Delete(Path.Combine(root, "solutions"), recursive: true);
        change?.Invoke(Path.Combine(root, "exercises", "02-Partial"));
        return root;
    }

    static void Edit(string file, string from, string to) =>
        File.WriteAllText(file, File.ReadAllText(file).Replace(from, to, StringComparison.Ordinal));

    static string HiddenTests => Path.Combine(FixtureCourse.Repo, "tests", "Katas.Grader.Tests", "Fixtures", "hidden-tests");

    [Fact]
    public async Task Every_entry_of_the_class_is_a_row_out_of_the_same_maximum_with_the_right_flags()
    {
        // The course's manifest, as `katas manifest` writes it: hashes, and the tests with their points.
        new TestManifest(TestManifest.SchemaId, TestManifest.HashAll(_trusted.Root), new(StringComparer.Ordinal)
        {
            ["02-Partial"] = new(StringComparer.Ordinal)
            {
                ["Fixture.Tests.MathsTests.Cube_of_3_is_27"] = 3,
                ["Fixture.Tests.MathsTests.Square_of_3_is_9"] = 2,
                ["Fixture.Tests.MathsTests.Twice_3_is_6"] = 1,
            },
        }).Save(_trusted.Root);
        var solved = File.ReadAllText(_trusted.PathOf("solutions/02-Partial/Maths.cs"));
        var ada = Student("ada", ch => File.WriteAllText(Path.Combine(ch, "Maths.cs"), solved));
        Git.Run(ada, "init", "-q", "-b", "main");
        Git.Run(ada, "add", "-A");
        Git.Run(ada, "commit", "-q", "-m", "my work");
        var commit = Git.Run(ada, "rev-parse", "--short=12", "HEAD").Trim();
        var bob = Student("bob");
        // abe goes first, knows where the course and bob's folder are, and tries to change both,
        // his lane's tests (which later students would be graded with) and the grader's home.
        var abe = Student("abe", ch => Edit(Path.Combine(ch, "Maths.cs"), "Twice(int x) => x + x;", "Twice(int x) { Outside.Probe(); return x + x; }"));
        HostileGrading.Outside.Aim(abe, _trusted.Root, victim: bob);
        Student("cy", ch => Edit(Path.Combine(ch, "Tests", "MathsTests.cs"), "ShouldBe(27, \"a cube is x * x * x\")", "ShouldBe(9)"));
        var cyd = Student("cyd", ch => Edit(Path.Combine(ch, "Tests", "MathsTests.cs"), "ShouldBe(27, \"a cube is x * x * x\")", "ShouldBe(9)"));
        new TestManifest(TestManifest.SchemaId, TestManifest.HashAll(cyd), new(StringComparer.Ordinal)).Save(cyd); // and hides it
        Student("dee", ch => Edit(Path.Combine(ch, "Maths.cs"), "x + x;", "x + ;"));
        Student("eve", ch => Edit(Path.Combine(ch, "Maths.cs"), "public static int Twice(int x) => x + x;",
            "public static int Twice(int x) { while (true) { } }"));
        Student("fay-zip", ch => File.WriteAllText(Path.Combine(ch, "Maths.cs"), solved), nested: "course-main");
        Student("gil", ch => File.WriteAllText(Path.Combine(ch, "Bonus.cs"),
            "namespace Fixture;\npublic class Bonus\n{\n    [Fact, Points(50)]\n    public void Free_points() { }\n}\n"));
        var hal = Student("hal", ch => File.WriteAllText(Path.Combine(ch, "Maths.cs"), solved));
        System.IO.Compression.ZipFile.CreateFromDirectory(hal, Path.Combine(_class, "submissions", "hal-zipped.zip"),
            System.IO.Compression.CompressionLevel.Fastest, includeBaseDirectory: true);
        Directory.Delete(hal, recursive: true);
        File.WriteAllText(Path.Combine(_class, "submissions", "ivy.zip"), "not a zip at all");
        File.WriteAllText(Path.Combine(_class, "submissions", "notes.txt"), "ivy will send her work later");
        Directory.CreateDirectory(Path.Combine(_class, "submissions", "jo-empty"));
        var output = Path.Combine(_class, "gradebook");
        var options = new GradeOptions
        {
            TrustedTests = _trusted.Root, Chapters = ["2"], Timeout = TimeSpan.FromSeconds(20), ExtraTests = HiddenTests,
        };

        var runsBefore = Directory.GetDirectories(Path.GetTempPath(), "katas-grade-many-*");
        var outcome = await Gradebook.GradeAllAsync(Path.Combine(_class, "submissions"), options, output, parallel: 2, null,
            TestContext.Current.CancellationToken);

        var csv = File.ReadAllLines(Path.Combine(output, "gradebook.csv"));
        csv[0].ShouldBe("student,commit,02-Partial,02-Partial max,total,max,percent,flags,error,same code as");
        // 6 points of the chapter's tests + 5 of the hidden ones, for everyone, whatever happened.
        csv.Skip(1).Select(l => string.Join(",", l.Split(',').Take(8).Append(l.Split(',')[^1]))).ShouldBe(
        [
            "abe,,3,11,3,11,27.3,,",                          // what his code earns: his attacks got nothing
            $"ada,{commit},11,11,11,11,100.0,,",
            "bob,,3,11,3,11,27.3,,(course stubs)",                // Twice and the hidden Twice pass on the stub
            "cy,,3,11,3,11,27.3,tampered-tests,(course stubs)",   // graded with the trusted test: the weakened Cube test still fails
            "cyd,,3,11,3,11,27.3,tampered-tests,(course stubs)",  // its own manifest does not hide the edit
            "dee,,0,11,0,11,0.0,build-error,",
            "eve,,0,11,0,11,0.0,timed-out,",
            "fay-zip,,11,11,11,11,100.0,,ada",
            "gil,,0,11,0,11,0.0,build-error,",                 // its own [Fact] is off the allowlist: a build error
            "hal-zipped,,11,11,11,11,100.0,,ada",
            "ivy,,,11,,11,,bad-zip,",
            "jo-empty,,,11,,11,,not-a-submission,",
            "notes.txt,,,11,,11,,not-a-submission,",
        ]);
        // The same code is built and tested once: the stubs (bob, cy, cyd), ada's (fay, hal), abe's, dee's, eve's and gil's.
        outcome.Gradings.ShouldBe(6);
        var abes = JsonResults.Read(Path.Combine(output, "abe.json")).Chapters.Single().Tests.Single(t => t.Method == "Twice_3_is_6");
        HostileGrading.Outside.ShouldHaveGotNothing(abes.Output, _trusted.Root, victim: bob);
        outcome.Rows.Single(r => r.Student == "ivy").Error!.ShouldContain("cannot be unpacked");
        outcome.Rows.Single(r => r.Student == "jo-empty").Error!.ShouldContain("no exercises/ folder");
        var dee = JsonResults.Read(Path.Combine(output, "dee.json"));
        dee.Score.MaxPoints.ShouldBe(11, "a build error is scored out of the same maximum, hidden tests included");
        dee.Chapters.Single().Tests.Count(t => t.Hidden && t.Status == Model.TestStatus.NotRun)
            .ShouldBe(2, "hidden tests of a chapter that did not build are listed as not run");
        dee.Chapters.Single().Tests.Count(t => t.Status == Model.TestStatus.NotRun).ShouldBe(5);
        dee.Chapters.Single().Tests.Where(t => t.Hidden).ShouldAllBe(t => t.Name.StartsWith("Hidden.Test") && t.Message == "hidden test failed",
            "students' results never name a hidden test");
        JsonResults.Read(Path.Combine(output, "cy.json")).Tamper.Changed.ShouldBe(["exercises/02-Partial/Tests/MathsTests.cs"]);
        File.Exists(Path.Combine(output, "jo-empty.json")).ShouldBeFalse();
        Directory.GetDirectories(Path.GetTempPath(), "katas-grade-many-*").Except(runsBefore).ShouldBeEmpty("the run folder is deleted at the end");
    }

    [Fact]
    public void A_workspace_holds_the_course_and_one_students_code_never_solutions_instructor_files_or_classmates()
    {
        FixtureCourse.Copy(HiddenTests, _trusted.PathOf("instructor/hidden-tests"));
        var ada = Student("ada", ch => File.WriteAllText(Path.Combine(ch, "Helper.cs"), "namespace Fixture; static class Helper { }"));
        var bob = Student("bob", ch => File.WriteAllText(Path.Combine(ch, "Maths.cs"), "// bob's"));
        // The README's layout: submissions inside the course, graded with --trusted-tests .
        FixtureCourse.Copy(Path.Combine(_class, "submissions"), _trusted.PathOf("submissions"));

        using var run = GradingRun.Create(_trusted.Root, HiddenTests);
        run.Load(0, ada).ShouldBeEmpty();
        var lane = run.Lane(0);
        Directory.CreateDirectory(Path.Combine(lane, "artifacts", "bin", "Katas.Kit"));
        File.WriteAllText(Path.Combine(lane, "artifacts", "bin", "Katas.Kit", "Katas.Kit.dll"), "built once");
        Directory.CreateDirectory(Path.Combine(lane, "artifacts", "obj", "FixturePartial"));
        File.WriteAllText(Path.Combine(lane, "artifacts", "obj", "FixturePartial", "FixturePartial.csproj.nuget.g.props"), "<Project>planted</Project>");
        var kitStamp = File.GetLastWriteTimeUtc(Path.Combine(lane, "exercises", "01-Passing", "Tests", "AdderTests.cs"));

        lane.ShouldNotStartWith(_trusted.Root);
        lane.ShouldNotStartWith(_class);
        foreach (var absent in new[] { "solutions", "instructor", "submissions", "gradebook", "README.md" })
            Path.Exists(Path.Combine(lane, absent)).ShouldBeFalse(absent);
        File.Exists(Path.Combine(lane, "exercises", "02-Partial", "Helper.cs")).ShouldBeTrue();
        File.Exists(Path.Combine(lane, "exercises", "02-Partial", "Tests", "Hidden", "HiddenMathsTests.cs")).ShouldBeTrue();

        run.Load(0, bob);

        File.Exists(Path.Combine(lane, "exercises", "02-Partial", "Helper.cs")).ShouldBeFalse("ada's file is gone when bob is graded");
        File.ReadAllText(Path.Combine(lane, "exercises", "02-Partial", "Maths.cs")).ShouldBe("// bob's");
        File.ReadAllText(Path.Combine(lane, "artifacts", "bin", "Katas.Kit", "Katas.Kit.dll")).ShouldBe("built once",
            "Kit's outputs stay (built from the course's sources, read-only to every test run): Kit is not rebuilt");
        Path.Exists(Path.Combine(lane, "artifacts", "obj", "FixturePartial")).ShouldBeFalse("every chapter's build outputs of the previous student are gone");
        File.GetLastWriteTimeUtc(Path.Combine(lane, "exercises", "01-Passing", "Tests", "AdderTests.cs"))
            .ShouldBe(kitStamp, "unchanged files keep their time stamps, so MSBuild skips them");
    }

    [Fact]
    public void The_code_digest_of_a_lane_is_the_same_for_the_same_code_and_differs_for_a_byte_a_name_or_a_file_more()
    {
        var ada = Student("ada", ch => File.WriteAllText(Path.Combine(ch, "Maths.cs"), "// ada's"));
        var twin = Student("twin", ch => File.WriteAllText(Path.Combine(ch, "Maths.cs"), "// ada's"));
        var other = Student("other", ch => File.WriteAllText(Path.Combine(ch, "Maths.cs"), "// ada'S"));
        var renamed = Student("renamed", ch => { File.Move(Path.Combine(ch, "Maths.cs"), Path.Combine(ch, "Maths2.cs")); });
        var extra = Student("extra", ch => File.WriteAllText(Path.Combine(ch, "Helper.cs"), "// more"));
        var untouched = Student("untouched");
        using var run = GradingRun.Create(_trusted.Root, null);
        string Digest(string? student, int lane = 0) { run.Load(lane, student); return run.CodeDigest(lane); }

        var stubs = Digest(null);
        Digest(untouched).ShouldBe(stubs, "a student who changed nothing has the course's code");
        Digest(renamed, lane: 1).ShouldNotBe(stubs, "the same bytes under another name are a file more (the stub stays)");
        var adas = Digest(ada);
        adas.ShouldNotBe(stubs);
        Digest(twin, lane: 1).ShouldBe(adas, "the same bytes in another lane");
        Digest(other).ShouldNotBe(adas, "one byte differs");
        Digest(extra).ShouldNotBe(stubs, "a file more");
        Digest(ada).ShouldBe(adas, "a lane loaded again gives the same digest");
    }

    [Fact]
    public void Csv_fields_with_commas_quotes_or_line_breaks_are_quoted()
    {
        var course = new Model.GradeResult
        {
            Run = null!, Score = new Model.Score(0, 0, 0), Tamper = new Model.TamperReport(), Chapters = [],
        };
        var csv = Gradebook.Csv([new Gradebook.Row("o'neil, jr", null, "said \"no\"\nthen left")], course);

        var nl = Environment.NewLine;
        csv.ShouldBe($"student,commit,total,max,percent,flags,error,same code as{nl}\"o'neil, jr\",,,0,,grader-error,\"said \"\"no\"\"\nthen left\",{nl}");
    }
}
