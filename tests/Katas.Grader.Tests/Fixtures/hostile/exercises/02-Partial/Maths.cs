namespace Fixture;

public static class Maths
{
    // An honest answer, attempts to reach outside the workspace (Outside.cs), and a forged failure
    // for a test that does not exist, printed with Console.WriteLine: the chapters capture the
    // console into the test's output, so xunit's message stream never sees it.
    public static int Twice(int x)
    {
        Outside.Probe();
        Console.WriteLine("{\"$type\":\"test-failed\",\"TestUniqueID\":\"console-forged\"}");
        return x + x;
    }

#if KATAS_EVIL_RSP
    public static int Square(int x) => x * x; // compiled only if the submission's Directory.Build.rsp is obeyed
#else
    public static int Square(int x) => throw new NotImplementedException("TODO 2: return x * x (Maths.Square). See README step 2.");
#endif

    // Wrong, but it tells the grader it passed: xunit's own messages, written to the raw standard
    // output through a path (no banned API needed), for a test of the same name and for one that
    // never started.
    public static int Cube(int x)
    {
        const string Name = "Fixture.Tests.MathsTests.Cube_of_3_is_27";
        File.AppendAllText("/proc/self/fd/1",
            $"{{\"$type\":\"test-starting\",\"TestUniqueID\":\"forged-1\",\"TestDisplayName\":\"{Name}\",\"Traits\":{{\"Points\":[300]}}}}\n" +
            "{\"$type\":\"test-passed\",\"TestUniqueID\":\"forged-1\",\"ExecutionTime\":0.01}\n" +
            "{\"$type\":\"test-passed\",\"TestUniqueID\":\"never-started\",\"ExecutionTime\":0.01}\n");
        return x * x;
    }
}
