using static TorchSharp.torch.nn;

namespace Katas.GpuAndCheckpoints;

/// <summary>Does a state dict fit a model? Checked before loading, so a mismatch is an error, not garbage weights.</summary>
public static class StateDictCheck
{
    public static void Verify(Module model, IReadOnlyDictionary<string, Tensor> stateDict, string source)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stateDict);
        var expected = model.state_dict();
        var problems = new List<string>();
        foreach (var (name, tensor) in expected)
        {
            if (!stateDict.TryGetValue(name, out var actual))
                problems.Add($"{name}: missing from {source}");
            else if (!actual.shape.SequenceEqual(tensor.shape))
                problems.Add($"{name}: the model expects {Shape(tensor)}, {source} holds {Shape(actual)}");
        }
        problems.AddRange(stateDict.Keys.Where(name => !expected.ContainsKey(name)).Select(name => $"{name}: in {source}, but not in the model"));
        if (problems.Count > 0)
            throw new CheckpointException(
                $"{source} does not fit this model; it was saved from another architecture:\n  - " + string.Join("\n  - ", problems) +
                "\nBuild the model with the hyper-parameters it was saved with, or save a whole-model checkpoint " +
                "(Checkpoint.Save), which records them.");
    }

    static string Shape(Tensor t) => $"[{string.Join(", ", t.shape)}]";
}
