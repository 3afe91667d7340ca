namespace Fixture;

// Each line after a "forbids:" comment uses something eng/LearnerApi.txt does not allow: a KATAS100 build error.
public static class ConsoleTricks
{
    public static void All()
    {
        // forbids: M:System.Console.OpenStandardOutput
        Console.OpenStandardOutput().Dispose();
        // forbids: M:System.Console.OpenStandardOutput(System.Int32)
        Console.OpenStandardOutput(256).Dispose();
        // forbids: M:System.Console.OpenStandardError
        Console.OpenStandardError().Dispose();
        // forbids: M:System.Console.OpenStandardError(System.Int32)
        Console.OpenStandardError(256).Dispose();
        // forbids: M:System.Console.SetOut(System.IO.TextWriter)
        Console.SetOut(TextWriter.Null);
        // forbids: M:System.Console.SetError(System.IO.TextWriter)
        Console.SetError(TextWriter.Null);
        // forbids: M:System.Console.SetIn(System.IO.TextReader)
        Console.SetIn(TextReader.Null);
    }
}
