using TorchSharp.Modules;
using static TorchSharp.torch.nn;

namespace Katas.GpuAndCheckpoints;

/// <summary>What to build: the hyper-parameters of an <see cref="Mlp"/>.</summary>
public sealed record MlpSpec(int InFeatures, int Hidden, int Classes);

/// <summary>
/// Given to you (not an exercise): the network this chapter moves, saves and loads. Linear ->
/// ReLU -> Linear, the same in Python (fixtures/make_fixtures.py) so that weights travel both ways.
/// </summary>
public sealed class Mlp : Module<Tensor, Tensor>
{
    /// <summary>The name a checkpoint records for this kind of model.</summary>
    public const string Kind = "Mlp";

    public readonly Linear fc1;
    public readonly Linear fc2;

    /// <summary>The hyper-parameters this network was built with.</summary>
    public MlpSpec Spec { get; }

    public Mlp(MlpSpec spec) : base(nameof(Mlp))
    {
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec;
        fc1 = Linear(spec.InFeatures, spec.Hidden);
        fc2 = Linear(spec.Hidden, spec.Classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => fc2.forward(functional.relu(fc1.forward(x)));
}
