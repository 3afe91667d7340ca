namespace Fixture;

public static class Suppressions
{
    // forbids: KATAS005
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0030")]
    public static void Quiet() { }

    public static void Quieter()
    {
#pragma warning disable RS0030
        // forbids: KATAS005
        Console.SetOut(TextWriter.Null);
#pragma warning restore RS0030
    }
}
