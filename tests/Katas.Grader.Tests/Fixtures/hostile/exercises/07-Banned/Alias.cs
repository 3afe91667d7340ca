// A suppression through a using alias: judged by the attribute it binds to, not by its spelling.
using SM = System.Diagnostics.CodeAnalysis.SuppressMessageAttribute;

namespace Fixture;

public static class Aliased
{
    // forbids: KATAS005
    [SM("ApiDesign", "RS0030")]
    public static void Quiet() { }
}
