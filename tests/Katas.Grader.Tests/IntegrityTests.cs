using Katas.Grader.Model;
using Katas.Grader.Layout;
using Katas.Grader.Running;
using TestResult = Katas.Grader.Model.TestResult;

namespace Katas.Grader.Tests;

/// <summary>What the grader believes of a test process's messages, and what the trusted manifest decides (no builds).</summary>
public class IntegrityTests
{
    const string Name = "Ns.C.Adds";

    static string Starting(string id, string name = Name, string traits = "{\"Points\":[\"2\"]}") =>
        $"{{\"$type\":\"test-starting\",\"TestUniqueID\":\"{id}\",\"TestDisplayName\":\"{name}\",\"Traits\":{traits}}}";

    static string Passed(string id) => $"{{\"$type\":\"test-passed\",\"TestUniqueID\":\"{id}\",\"ExecutionTime\":0.1}}";

    static string Failed(string id) =>
        $"{{\"$type\":\"test-failed\",\"TestUniqueID\":\"{id}\",\"ExceptionTypes\":[\"System.NotImplementedException\"],\"Messages\":[\"TODO 1\"]}}";

    static string Summary(int total, int failed) =>
        $"{{\"$type\":\"test-assembly-finished\",\"TestsTotal\":{total},\"TestsFailed\":{failed},\"TestsSkipped\":0,\"TestsNotRun\":0}}";

    static ResultLedger Read(params string[] lines)
    {
        var stream = new ResultLedger();
        foreach (var line in lines) stream.Read(line);
        return stream;
    }

    [Fact]
    public void An_honest_stream_has_no_contradictions()
    {
        var stream = Read(Starting("a"), Passed("a"), Starting("b", "Ns.C.Other"), Failed("b"), "plain output", Summary(2, 1));

        stream.Contradictions.ShouldBeEmpty();
        stream.Tests.Select(t => (t.Name, t.Result!.Value.Type, t.ReportedPoints, t.Forged))
            .ShouldBe([(Name, "test-passed", 2, false), ("Ns.C.Other", "test-failed", 2, false)]);
    }

    [Fact]
    public void A_forged_pass_followed_by_the_real_failure_is_a_contradiction_and_the_test_is_forged()
    {
        // The attack of issue 15: the learner's code prints xunit's own pass line, then its stub throws.
        var stream = Read(Starting("a"), Passed("a"), Failed("a"), Summary(1, 1));

        stream.Tests.Single().Forged.ShouldBeTrue();
        stream.Contradictions.ShouldContain($"{Name}: a second result ('test-failed' after 'test-passed')");
    }

    [Fact]
    public void A_result_for_a_test_that_never_started_is_a_contradiction()
    {
        Read(Passed("ghost"), Summary(0, 0)).Contradictions.ShouldBe(["a 'test-passed' message for a test that never started"]);
    }

    [Fact]
    public void More_passes_than_xunits_own_summary_counts_forge_every_pass()
    {
        var stream = Read(Starting("a"), Passed("a"), Starting("b", "Ns.C.B"), Passed("b"), Summary(2, 1));

        stream.Tests.ShouldAllBe(t => t.Forged);
        stream.Contradictions.ShouldContain($"{Name}: xunit's summary counts 1 passing test(s), the stream 2");
    }

    [Fact]
    public void A_pass_already_caught_as_forged_does_not_cost_an_honest_pass_its_points()
    {
        // An honest pass, and a forged "test" of the same name as a failing one: xunit counts 1 pass.
        var stream = Read(Starting("a"), Passed("a"), Starting("b", "Ns.C.B"), Starting("forged", "Ns.C.B"), Passed("forged"), Failed("b"),
            Summary(2, 1));

        stream.Tests.Select(t => (t.Id, t.Forged)).ShouldBe([("a", false), ("b", true), ("forged", true)]);
    }

    [Fact]
    public void Messages_after_the_summary_and_a_second_summary_are_contradictions()
    {
        var stream = Read(Starting("a"), Failed("a"), Summary(1, 1), Passed("a"), Summary(1, 0));

        stream.Tests.Single().Result!.Value.Type.ShouldBe("test-failed");
        stream.Contradictions.ShouldBe([$"{Name}: a 'test-passed' message after xunit's summary", "xunit's summary came twice"]);
    }

    [Fact]
    public void Malformed_messages_and_points_traits_are_survived_not_thrown()
    {
        var stream = Read("{not json", "[1,2]", "{\"$type\":5}", Starting("a", traits: "{\"Points\":[1000]}"),
            Starting("b", "Ns.C.B", traits: "{\"Points\":\"x\"}"), "{\"$type\":\"test-failed\",\"TestUniqueID\":\"b\",\"ExceptionTypes\":[3]}");

        stream.Tests.Select(t => t.ReportedPoints).ShouldBe([1, 1], "a Points trait that is not a list of one whole number counts 1");
        stream.Tests[1].Result!.Value.Type.ShouldBe("test-failed");
    }

    static TestResult T(string name, TestStatus status, int points = 1, bool hidden = false) => new()
    {
        Name = name, Class = "Ns.C", Method = name[(name.LastIndexOf('.') + 1)..], Status = status,
        Points = status == TestStatus.Passed ? points : 0, MaxPoints = points, Hidden = hidden,
    };

    [Fact]
    public void The_manifest_decides_points_ignores_unlisted_tests_and_scores_missing_ones_not_run()
    {
        var listed = new Dictionary<string, int> { ["Ns.C.A"] = 3, ["Ns.C.B"] = 2 };

        var (graded, ignored) = Grading.Judge(
            [T("Ns.C.A", TestStatus.Passed, points: 1000), T("Ns.C.Extra", TestStatus.Passed, points: 1000), T("Ns.C.Hidden", TestStatus.Passed, hidden: true)],
            listed, "no result");

        graded.Select(t => (t.Name, t.Status, t.Points, t.MaxPoints)).ShouldBe(
            [("Ns.C.A", TestStatus.Passed, 3, 3), ("Ns.C.B", TestStatus.NotRun, 0, 2)]);
        graded.Single(t => t.Name == "Ns.C.B").Message.ShouldBe("no result");
        ignored.ShouldBe(["Ns.C.Extra", "Ns.C.Hidden"], "a hidden test counts only when the instructor's own files list it, whatever the process says");
    }

    [Fact]
    public void The_rows_of_a_theory_are_its_one_listed_test_which_passes_only_when_every_row_passes()
    {
        var listed = new Dictionary<string, int> { ["Ns.C.Shapes"] = 2, ["Ns.C.Stub"] = 1 };

        var (graded, ignored) = Grading.Judge(
            [T("Ns.C.Shapes(n: 1)", TestStatus.Passed), T("Ns.C.Shapes(n: 2)", TestStatus.Failed), T("Ns.C.Shapes(n: 3)", TestStatus.Passed),
             T("Ns.C.Stub(n: 1)", TestStatus.NotImplemented), T("Ns.C.Stub(n: 2)", TestStatus.NotImplemented), T("Ns.C.Other(n: 1)", TestStatus.Passed)],
            listed, "no result");

        graded.Select(t => (t.Name, t.Status, t.Points, t.MaxPoints)).OrderBy(t => t.Name).ShouldBe(
            [("Ns.C.Shapes", TestStatus.Failed, 0, 2), ("Ns.C.Stub", TestStatus.NotImplemented, 0, 1)]);
        ignored.ShouldBe(["Ns.C.Other(n: 1)"], "a row of a method the manifest does not list is ignored like any unlisted test");
        Grading.Judge([T("Ns.C.Shapes(n: 1)", TestStatus.Passed), T("Ns.C.Shapes(n: 2)", TestStatus.Passed)], listed, "")
            .Graded.Single(t => t.Name == "Ns.C.Shapes").Points.ShouldBe(2, "every row passed: the theory's points");
    }

}
