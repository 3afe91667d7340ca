using static TorchSharp.torch.nn;

namespace Katas.GpuAndCheckpoints;

/// <summary>Does a state dict fit a model? Checked before loading, so a mismatch is an error, not garbage weights.</summary>
public static class StateDictCheck
{
    /// <summary>
    /// Throws a <see cref="CheckpointException"/> unless <paramref name="stateDict"/> has exactly the
    /// model's entries (parameters and buffers), each with the model's shape. The message lists every
    /// problem: which entry, the shape the model expects and the shape <paramref name="source"/> holds.
    /// </summary>
    /// <exception cref="CheckpointException">Thrown when entries are missing, unexpected or of another shape; the message lists them all and names the source.</exception>
    public static void Verify(Module model, IReadOnlyDictionary<string, Tensor> stateDict, string source)
    {
        // TODO 5 — compare model.state_dict() (what the model expects) with stateDict (what the file holds):
        //  - an entry the model has and the file lacks      ("fc3.weight: missing from <source>")
        //  - an entry the file has and the model lacks      ("fc0.weight: in <source>, but not in the model")
        //  - an entry in both with other shapes             ("fc1.weight: the model expects [16, 4], <source> holds [8, 4]")
        //  If there is any problem, throw one CheckpointException listing them all, and say what to do:
        //  the file was saved from another architecture; build the model with the hyper-parameters it was
        //  saved with (or use a whole-model checkpoint, which records them).
        //  Why check at all? TorchSharp's load_state_dict fails with "The size of tensor a (16) must match
        //  the size of tensor b (8)", naming no parameter (and PyBridge's load_py returns as if all were well).
        throw new NotImplementedException("TODO 5: write StateDictCheck.Verify (names, expected and actual shapes). See README step 5.");
    }
}
