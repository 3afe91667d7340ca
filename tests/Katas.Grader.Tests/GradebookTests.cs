using Katas.Grader.Instructor;
using Katas.Grader.Integrity;
using Katas.Grader.Rendering;
using Katas.Grader.Running;

namespace Katas.Grader.Tests;

/// <summary>
/// `grade-many` over a class of fixture submissions of chapter 2: a clean one (and the same as an
/// unpacked zip), a partial one, a tampered one, one that does not build, one that hangs, and a
/// folder that is not a submission at all.
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

    [Fact]
    public async Task Grading_a_class_writes_each_students_points_and_flags_and_no_submission_stops_the_batch()
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
        Student("ada", ch => File.WriteAllText(Path.Combine(ch, "Maths.cs"), solved));
        Student("bob");
        Student("cy", ch => Edit(Path.Combine(ch, "Tests", "MathsTests.cs"), "ShouldBe(27, \"a cube is x * x * x\")", "ShouldBe(9)"));
        Student("dee", ch => Edit(Path.Combine(ch, "Maths.cs"), "x + x;", "x + ;"));
        Student("eve", ch => Edit(Path.Combine(ch, "Maths.cs"), "public static int Twice(int x) => x + x;",
            "public static int Twice(int x) { while (true) { } }"));
        Student("fay-zip", ch => File.WriteAllText(Path.Combine(ch, "Maths.cs"), solved), nested: "course-main");
        Directory.CreateDirectory(Path.Combine(_class, "submissions", "gus-empty"));
        var output = Path.Combine(_class, "gradebook");
        var options = new GradeOptions { TrustedTests = _trusted.Root, Chapters = ["2"], Timeout = TimeSpan.FromSeconds(20) };

        var rows = await Gradebook.GradeAllAsync(Path.Combine(_class, "submissions"), options, output, parallel: 1, null,
            TestContext.Current.CancellationToken);

        var csv = File.ReadAllLines(Path.Combine(output, "gradebook.csv"));
        csv[0].ShouldBe("student,02-Partial,total,max,flags,error");
        csv.Skip(1).Select(l => string.Join(",", l.Split(',').Take(5))).ShouldBe(
        [
            "ada,6,6,6,",
            "bob,1,1,6,",
            "cy,1,1,6,tampered-tests",   // graded with the trusted test: the weakened Cube test still fails
            "dee,0,0,6,build-error",
            "eve,0,0,6,timed-out",
            "fay-zip,6,6,6,",
            "gus-empty,,,,grader-error",
        ]);
        rows.Single(r => r.Student == "gus-empty").Error!.ShouldContain("no exercises/ folder");
        JsonResults.Read(Path.Combine(output, "cy.json")).Tamper.Changed.ShouldBe(["exercises/02-Partial/Tests/MathsTests.cs"]);
        File.Exists(Path.Combine(output, "gus-empty.json")).ShouldBeFalse();
    }

    [Fact]
    public void Csv_fields_with_commas_quotes_or_line_breaks_are_quoted()
    {
        var csv = Gradebook.Csv([new Gradebook.Row("o'neil, jr", null, "said \"no\"\nthen left")], []);

        var nl = Environment.NewLine;
        csv.ShouldBe($"student,total,max,flags,error{nl}\"o'neil, jr\",,,grader-error,\"said \"\"no\"\"\nthen left\"{nl}");
    }
}
