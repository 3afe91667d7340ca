// Constructs the allowlist judges without a symbol (unsafe code, pointers, extern) and an assembly attribute it judges by its type (grader/Running/Allowlist.cs).
// (Here, not in 07-Banned: unsafe code does not compile, and a compilation with errors is not
// analyzed, so 07-Banned must compile but for its banned APIs.)

// forbids: KATAS001
[assembly: System.CLSCompliant(false)]

namespace Fixture;

public static class Constructs
{
    // checks: KATAS003
    public static unsafe int Peek(int* p) => *p;

    // checks: KATAS003
    public static void Call(delegate*<void> f) { }
}
