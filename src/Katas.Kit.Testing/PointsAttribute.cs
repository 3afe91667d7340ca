using Xunit.v3;

namespace Katas.Kit.Testing;

/// <summary>
/// How many points a test is worth in the grader (default 1). Recorded as the xunit trait
/// "Points", which the grader reads from the test results.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class PointsAttribute(int points) : Attribute, ITraitAttribute
{
    public const string TraitName = "Points";

    public int Points { get; } = points > 0 ? points : throw new ArgumentOutOfRangeException(nameof(points), "Points must be positive.");

    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() =>
        [new(TraitName, Points.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}
