// A learner file in a nested Tests folder: still learner code (only the chapter's top-level Tests/
// is the course's), so it is judged like any other, pragmas or not.
#pragma warning disable
namespace Fixture.Impl.Tests;

public static class Boot
{
    public static void Forge()
    {
        // forbids: M:System.Console.OpenStandardOutput
        using var raw = Console.OpenStandardOutput();
    }
}
