using TorchSharp.Modules;
using TorchSharp.PyBridge;

namespace Katas.GpuAndCheckpoints.Tests;

/// <summary>
/// Leaves files in out/06-GpuAndCheckpoints/ for fixtures/check_python_loads.py, the one-off check
/// (by hand, with Python's PyTorch; CI does not need Python) that torch.load reads what C# writes.
/// </summary>
internal static class PythonCheck
{
    const string Chapter = "06-GpuAndCheckpoints";

    /// <summary>from-csharp.pt (the state dict) and from-csharp-io.pt (inputs and the logits C# computed).</summary>
    /// <remarks>Through StateDicts.Write (README step 4), not Save (step 7): step 4's test calls this.</remarks>
    public static void WriteStateDict(Mlp model)
    {
        using (var file = File.Create(RepoPaths.Output(Chapter, "from-csharp.pt")))
            StateDicts.Write(model, file);
        var x = torch.randn(5, model.Spec.InFeatures);
        using var _ = torch.no_grad();
        PyTorchPickler.PickleStateDict(RepoPaths.Output(Chapter, "from-csharp-io.pt"),
            new Dictionary<string, Tensor> { ["x"] = x, ["logits"] = model.forward(x) });
    }

    /// <summary>from-csharp.ckpt: a training checkpoint (model, Adam's state, epoch).</summary>
    public static void WriteCheckpoint(Mlp model, OptimizerHelper optimizer, int epoch) =>
        Checkpoint.Save(RepoPaths.Output(Chapter, "from-csharp.ckpt"), model, optimizer, epoch);
}
