using static TorchSharp.torch.nn;

namespace Katas.GpuAndCheckpoints.Tests;

/// <summary>Models and comparisons the tests share.</summary>
internal static class Models
{
    public static readonly MlpSpec Small = new(InFeatures: 4, Hidden: 8, Classes: 3);

    /// <summary>A model with seeded random weights.</summary>
    public static Mlp Make(MlpSpec spec, int seed)
    {
        Seeding.Seed(seed);
        return new Mlp(spec);
    }

    /// <summary>Every entry of <paramref name="actual"/>'s state dict equals <paramref name="expected"/>'s, on the CPU.</summary>
    public static void ShouldHaveTheWeightsOf(this Module actual, Module expected, double atol = 0, string? why = null)
    {
        var want = expected.state_dict();
        actual.state_dict().Keys.ShouldBe(want.Keys, ignoreOrder: true, customMessage: "the same parameters");
        foreach (var (name, tensor) in actual.state_dict())
            tensor.ShouldBeClose(want[name], rtol: 0, atol: atol, $"{name}: {why}");
    }

    /// <summary>The fixtures made by Python's PyTorch (fixtures/make_fixtures.py), copied beside the tests.</summary>
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", name);
}
