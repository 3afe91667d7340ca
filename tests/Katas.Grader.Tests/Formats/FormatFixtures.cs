using Katas.Grader.Model;
using Katas.Grader.Rendering.Formats;
using Katas.Grader.Layout;
using Katas.Grader.Running;
using TestResult = Katas.Grader.Model.TestResult;

namespace Katas.Grader.Tests.Formats;

/// <summary>
/// The edge cases every result format must render, as results built in code (no grading), and a
/// small course whose test files the formats read for a test's code, file, line and order (written
/// to a temporary folder: as .cs files under this project they would be compiled into it).
/// </summary>
public static class FormatFixtures
{
    public const string Chapter = "01-Adder";
    const string Ns = "Katas.Adder.Tests";

    /// <summary>The chapter's tests, in two files; results come sorted by name, which is not this order.</summary>
    public const string AdderTests = """
        namespace Katas.Adder.Tests;

        public class AdderTests
        {
            [Fact, Points(1), Step(1)]
            public void Zero_plus_zero_is_zero()
            {
                Adder.Add(0, 0).ShouldBe(0);
            }

            [Fact, Points(2), Step(2)]
            public void Adds_two_numbers()
            {
                // The simplest case first.
                var sum = Adder.Add(2, 3);

                sum.ShouldBe(5, "2 + 3");
            }

            [Fact, Points(1), Step(2)]
            public void Prints_its_work() => Adder.Explain(2, 3).ShouldBe("2 + 3 = 5");

            [Theory, Points(2), Step(3)]
            [InlineData(1, 2)]
            public void Add_is_commutative(int a, int b)
            {
                Adder.Add(a, b).ShouldBe(Adder.Add(b, a));
            }

            [GpuFact, Points(3), Step(4)]
            public void Adds_on_the_gpu()
            {
                Adder.AddOnGpu(1, 2).ShouldBe(3);
            }

            static int NotATest() => 0;
        }
        """;

    public const string OverflowTests = """
        namespace Katas.Adder.Tests
        {
            public class OverflowTests
            {
                [Fact, Points(1), Step(5)]
                public void Adding_past_int_max_throws() { Should.Throw<OverflowException>(() => Adder.Add(int.MaxValue, 1)); }
            }
        }
        """;

    /// <summary>A course folder with the chapter's test files (and a decoy hidden test that must never be read).</summary>
    public static string WriteCourse()
    {
        var root = Path.Combine(Path.GetTempPath(), "katas-formats", Guid.NewGuid().ToString("N")[..12]);
        var tests = Path.Combine(root, "exercises", Chapter, "Tests");
        Directory.CreateDirectory(Path.Combine(tests, "Hidden"));
        File.WriteAllText(Path.Combine(tests, "AdderTests.cs"), AdderTests.ReplaceLineEndings("\n"));
        File.WriteAllText(Path.Combine(tests, "OverflowTests.cs"), OverflowTests.ReplaceLineEndings("\n"));
        File.WriteAllText(Path.Combine(tests, "Hidden", "SecretTests.cs"),
            "namespace Katas.Adder.Tests.Hidden; public class SecretTests { [Fact] public void Adds_negative_numbers() { SECRET(); } }");
        return root;
    }

    // The tests, by name: Points/Step as in the files above.
    static readonly (string Class, string Method, int Points, int Step, bool Gpu)[] All =
    [
        ("AdderTests", "Add_is_commutative", 2, 3, false),
        ("OverflowTests", "Adding_past_int_max_throws", 1, 5, false),
        ("AdderTests", "Adds_on_the_gpu", 3, 4, true),
        ("AdderTests", "Adds_two_numbers", 2, 2, false),
        ("AdderTests", "Prints_its_work", 1, 2, false),
        ("AdderTests", "Zero_plus_zero_is_zero", 1, 1, false),
    ];

    public static TestResult T(string method, TestStatus status, string? message = null, string? output = null, string? location = null,
        string? exception = null)
    {
        var (cls, _, points, step, gpu) = All.Single(a => a.Method == method);
        return new TestResult
        {
            Name = $"{Ns}.{cls}.{method}", Class = $"{Ns}.{cls}", Method = method, Status = status,
            Points = status == TestStatus.Passed ? points : 0, MaxPoints = points, Step = step, GpuOnly = gpu,
            Message = message, Output = output, Location = location, ExceptionType = exception, DurationSeconds = 0.25,
        };
    }

    static TestResult Hidden(string method, TestStatus status, string? message) => new()
    {
        Name = $"{Ns}.Hidden.SecretTests.{method}", Class = $"{Ns}.Hidden.SecretTests", Method = method, Status = status,
        Points = status == TestStatus.Passed ? 2 : 0, MaxPoints = 2, Hidden = true, Message = message,
        Output = status == TestStatus.Passed ? null : "secret output of the hidden test", DurationSeconds = 0.5,
    };

    /// <summary>Every test passes; the GPU test too (this machine has CUDA).</summary>
    static TestResult[] Passing(bool cuda = true) =>
        [.. All.Select(a => a.Gpu && !cuda ? Skipped(a.Method) : T(a.Method, TestStatus.Passed))];

    static TestResult Skipped(string method) => T(method, TestStatus.Skipped, MachineScope.NotCountedHere);

    /// <summary>A chapter's result as the grader sums it up (Grading.Summarise): tests sorted by name, skipped ones out of the maximum.</summary>
    static ChapterResult Ch(IEnumerable<TestResult> tests, ChapterStatus? abnormal = null, string? message = null,
        IReadOnlyList<BuildError>? errors = null, string id = Chapter, int number = 1, string title = "Adder")
    {
        var list = tests.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var counted = list.Where(t => t.Status != TestStatus.Skipped).ToList();
        var status = abnormal ?? (counted.Count > 0 && counted.All(t => t.Status == TestStatus.Passed) ? ChapterStatus.Passed
            : counted.Count > 0 && counted.All(t => t.Status == TestStatus.NotImplemented) ? ChapterStatus.NotStarted
            : ChapterStatus.Failed);
        return new ChapterResult
        {
            Id = id, Number = number, Title = title, Status = status,
            Points = counted.Sum(t => t.Points), MaxPoints = counted.Sum(t => t.MaxPoints),
            SkippedPoints = list.Where(t => t.Status == TestStatus.Skipped).Sum(t => t.MaxPoints),
            DurationSeconds = 12.345, Message = message, BuildErrors = errors ?? [], Tests = list,
        };
    }

    static readonly string LongOutput = string.Concat(Enumerable.Range(0, 60).Select(i => $"epoch {i,2}: loss 0.{i:D3}\n"));

    public static GradeResult Result(params ChapterResult[] chapters) => Result(new TamperReport { ManifestFound = true }, chapters);

    public static GradeResult Result(TamperReport tamper, params ChapterResult[] chapters) => new()
    {
        Run = new RunFacts
        {
            Track = "exercises", Device = "cpu", RequestedDevice = "cpu", Backend = "cpu", Os = "Linux", Cpu = "test cpu", Cores = 2,
            DotNetVersion = ".NET 10", GraderVersion = "1.0.0.0", StartedAt = DateTimeOffset.UnixEpoch, FinishedAt = DateTimeOffset.UnixEpoch,
        },
        Score = GradeResult.Total(chapters),
        Tamper = tamper,
        Chapters = chapters,
        DurationSeconds = 41.6,
    };

    /// <summary>The edge cases, by name (the golden files' names).</summary>
    public static IReadOnlyDictionary<string, GradeResult> Cases { get; } = BuildCases();

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    static Dictionary<string, GradeResult> BuildCases()
    {
        var cases = new Dictionary<string, GradeResult>(StringComparer.Ordinal);

        cases["all-passed"] = Result(Ch(Passing()));

        cases["some-failed"] = Result(Ch(
        [
            T("Zero_plus_zero_is_zero", TestStatus.Passed),
            T("Adds_two_numbers", TestStatus.Failed, "sum should be 5 but was 6\n\nAdditional Info:\n    2 + 3", LongOutput,
                "at Katas.Adder.Tests.AdderTests.Adds_two_numbers() in exercises/01-Adder/Tests/AdderTests.cs:line 17",
                "Shouldly.ShouldAssertException"),
            T("Prints_its_work", TestStatus.NotImplemented, "TODO 2: Explain (README step 2)", exception: "System.NotImplementedException"),
            T("Add_is_commutative", TestStatus.Passed),
            T("Adding_past_int_max_throws", TestStatus.Failed, "50% of the time: `Adder.Add(int.MaxValue, 1)` should throw System.OverflowException but did not"),
            Skipped("Adds_on_the_gpu"),
        ]));

        cases["not-started"] = Result(Ch(All.Select(a => a.Gpu ? Skipped(a.Method)
            : T(a.Method, TestStatus.NotImplemented, $"TODO {a.Step}: not implemented yet", exception: "System.NotImplementedException"))));

        cases["build-error"] = Result(Ch(All.Select(a => T(a.Method, a.Gpu ? TestStatus.Skipped : TestStatus.NotRun,
                a.Gpu ? MachineScope.NotCountedHere : "the chapter did not build")),
            ChapterStatus.BuildError, "the chapter does not compile (2 errors)",
            [
                new BuildError("exercises/01-Adder/Adder.cs", 12, 9, "CS0029", "Cannot implicitly convert type 'string' to 'int'"),
                new BuildError("exercises/01-Adder/Adder.cs", 20, 5, "CS1002", "; expected"),
            ]));

        cases["timed-out-after-some"] = Result(Ch(
            [
                T("Zero_plus_zero_is_zero", TestStatus.Passed),
                T("Adds_two_numbers", TestStatus.Passed),
                T("Prints_its_work", TestStatus.TimedOut, "still running when the time limit was reached", "explaining 2 + 3 ..."),
                T("Add_is_commutative", TestStatus.NotRun, "not run: the chapter ran out of time"),
                T("Adding_past_int_max_throws", TestStatus.NotRun, "not run: the chapter ran out of time"),
                Skipped("Adds_on_the_gpu"),
            ],
            ChapterStatus.TimedOut,
            "the chapter's tests did not finish within 300 s (an endless loop? a deadlock?); the test host was stopped"));

        cases["crashed-before-any"] = Result(Ch(
            [
                T("Zero_plus_zero_is_zero", TestStatus.Crashed, "the test host died (exit code 134): Stack overflow."),
                .. All.Where(a => a.Method != "Zero_plus_zero_is_zero").Select(a => a.Gpu ? Skipped(a.Method)
                    : T(a.Method, TestStatus.NotRun, "not run: the test host crashed")),
            ],
            ChapterStatus.Crashed, "the test host died (exit code 134): Stack overflow."));

        // As Grading leaves it: the chapter tampered, every test's points 0, the run's manifest check failed too.
        cases["tampered"] = Result(
            new TamperReport { ManifestFound = true, Changed = ["exercises/01-Adder/Tests/AdderTests.cs"] },
            Ch(Passing(cuda: false).Select(t => t with { Points = 0 }), ChapterStatus.Tampered,
                "the test process's results were tampered with, so the chapter scores 0: the test program did not sign its messages"));

        TestResult[] withHidden =
        [
            .. Passing(cuda: false),
            Hidden("Adds_negative_numbers", TestStatus.Passed, null),
            Hidden("Adds_huge_numbers", TestStatus.Failed, "SECRET expected 10000000000 but was 1410065408"),
        ];
        cases["hidden-masked"] = Result(HiddenTests.Mask(Ch(withHidden)));
        cases["hidden-shown"] = Result(Ch(withHidden));

        cases["gpu-skipped"] = Result(Ch(Passing(cuda: false)));

        cases["two-chapters"] = Result(
            Ch(Passing(cuda: false)),
            Ch([], ChapterStatus.BuildError, "the chapter does not compile (1 error)",
                [new BuildError("exercises/02-Broken/Broken.cs", 3, 1, "CS1513", "} expected")], id: "02-Broken", number: 2, title: "Broken"));
        return cases;
    }
}
