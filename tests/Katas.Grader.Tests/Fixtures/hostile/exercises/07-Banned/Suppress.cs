namespace Fixture;

public static class Suppressions
{
    // checks: KATAS005
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0030")]
    public static void Quiet() { }

    public static void Quieter()
    {
        // checks: KATAS005
#pragma warning disable RS0030
        Console.SetOut(TextWriter.Null);
#pragma warning restore RS0030
    }
}
