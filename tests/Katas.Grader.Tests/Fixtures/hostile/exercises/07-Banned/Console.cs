namespace Fixture;

// Each line after a "bans:" comment uses that entry of eng/BannedSymbols.txt: a build error.
public static class ConsoleTricks
{
    public static void All()
    {
        // bans: M:System.Console.OpenStandardOutput
        Console.OpenStandardOutput().Dispose();
        // bans: M:System.Console.OpenStandardOutput(System.Int32)
        Console.OpenStandardOutput(256).Dispose();
        // bans: M:System.Console.OpenStandardError
        Console.OpenStandardError().Dispose();
        // bans: M:System.Console.OpenStandardError(System.Int32)
        Console.OpenStandardError(256).Dispose();
        // bans: M:System.Console.SetOut(System.IO.TextWriter)
        Console.SetOut(TextWriter.Null);
        // bans: M:System.Console.SetError(System.IO.TextWriter)
        Console.SetError(TextWriter.Null);
        // bans: M:System.Console.SetIn(System.IO.TextReader)
        Console.SetIn(TextReader.Null);
    }
}
