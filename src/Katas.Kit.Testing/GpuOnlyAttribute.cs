using Xunit.v3;

namespace Katas.Kit.Testing;

/// <summary>
/// A test that proves something only a CUDA device can show (it runs the learner's code on the CPU
/// first, then skips where there is no GPU). Recorded as the xunit trait "Device" = "cuda", so that
/// the grader can keep such a test out of a CPU machine's points from the start, whatever its
/// outcome: a chapter's maximum does not move as the learner's code gets further.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
public sealed class GpuOnlyAttribute : Attribute, ITraitAttribute
{
    public const string TraitName = "Device";
    public const string TraitValue = "cuda";

    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() => [new(TraitName, TraitValue)];
}
