using Xunit.v3;

namespace Katas.Kit.Testing;

/// <summary>
/// The chapter README's numbered step a test belongs to: the test passes once that step and the
/// ones before it are done (Exercism's [Task] idea). Recorded as the xunit trait "Step", which the
/// grader reads beside "Points" to show the step with a failure and to pick the hint for it.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class StepAttribute(int step) : Attribute, ITraitAttribute
{
    public const string TraitName = "Step";

    public int Step { get; } = step > 0 ? step : throw new ArgumentOutOfRangeException(nameof(step), "Steps are numbered from 1, as in the README.");

    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() =>
        [new(TraitName, Step.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}
