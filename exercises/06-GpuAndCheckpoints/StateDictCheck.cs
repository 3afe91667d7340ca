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
    /// <param name="model">The model the state dict is meant for; not changed.</param>
    /// <param name="stateDict">Name -> tensor, as read from a file; not changed.</param>
    /// <param name="source">What to call the file in the message (its path).</param>
    /// <exception cref="CheckpointException">Thrown when entries are missing, unexpected or of another shape; the message lists them all, names the source, and says what to do.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="stateDict"/> is null.</exception>
    public static void Verify(Module model, IReadOnlyDictionary<string, Tensor> stateDict, string source)
    {
        // TODO 5 — TorchSharp's load_state_dict fails with "The size of tensor a (16) must match the size
        //  of tensor b (8)", naming no parameter, and PyBridge's load_py returns as if all were well. A
        //  check of your own, before anything is loaded, can say what the user needs to hear: every entry
        //  that does not fit (missing, unexpected, or of another shape, with both shapes), and what to do
        //  about it. One message with all of them: fixing one mismatch per attempt is no fun.
        throw new NotImplementedException("TODO 5: write StateDictCheck.Verify (names, expected and actual shapes). See README step 5.");
    }
}
