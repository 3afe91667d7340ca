namespace Katas.Grader.EndToEnd.Steps;

/// <summary>The gate the step walk puts into solutions, on small sources.</summary>
public class StepGateTests
{
    const string Stub = """
        public sealed class Net
        {
            public Net(int n) : base("net") { throw new NotImplementedException("TODO 2: layers. See README step 2."); }
            public int Forward(int x) => throw new NotImplementedException("TODO 3: forward. See README step 3.");
            public int Forward(int x, int y) => x + y; // given
            public int Size => throw new NotImplementedException("TODO 4: size");
            public void Log(string s) => throw new NotImplementedException("TODO 5: log");
        }
        """;

    const string Solution = """
        public sealed class Net
        {
            public Net(int n) : base("net") { Layers = n; }
            public int Forward(int x) => x * 2;
            public int Forward(int x, int y) => x + y; // given
            public int Size => Layers;
            public void Log(string s) => Console.WriteLine(s);
        }
        """;

    [Fact]
    public void Each_member_a_stub_leaves_to_a_step_is_gated_with_that_step_and_given_members_are_not()
    {
        var gated = StepGate.Apply(Stub, Solution);

        gated.Steps.ShouldBe([2, 3, 4, 5]);
        gated.Source.ShouldContain("""public Net(int n) : base("net") { if (global::Katas.StepWalk.Gate.IsClosed(2)) throw""");
        gated.Source.ShouldContain("IsClosed(2)) throw new global::System.NotImplementedException(\"TODO 2: closed by the step walk\"); Layers = n; }");
        gated.Source.ShouldContain("IsClosed(3)) throw new global::System.NotImplementedException(\"TODO 3: closed by the step walk\"); return x * 2; }");
        gated.Source.ShouldContain("public int Forward(int x, int y) => x + y; // given");
        gated.Source.ShouldContain("public int Size { get { if (global::Katas.StepWalk.Gate.IsClosed(4)) throw");
        gated.Source.ShouldContain("\"TODO 5: closed by the step walk\"); Console.WriteLine(s); }", customMessage: "a void member does not return its expression");
    }

    [Fact]
    public void A_stub_member_the_solution_lacks_is_an_error_that_names_it() =>
        Should.Throw<InvalidOperationException>(() => StepGate.Apply(Stub, Solution.Replace("public int Size => Layers;", "", StringComparison.Ordinal)))
            .Message.ShouldContain("Net.Size.get (TODO 4)");
}
