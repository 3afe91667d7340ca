using static TorchSharp.torch.nn;

namespace Katas.GpuAndCheckpoints;

/// <summary>
/// A model's parameters as a state dict (name -> tensor: "fc1.weight", "fc1.bias", ...), in PyTorch's
/// own file format: what Python's <c>torch.save(model.state_dict(), path)</c> writes and
/// <c>torch.load(path)</c> reads.
/// </summary>
public static class StateDicts
{
    /// <summary>Writes the model's state dict to <paramref name="stream"/> in PyTorch's format; the stream stays open.</summary>
    public static void Write(Module model, Stream stream)
    {
        // TODO 4 — Kit's PyTorchFile does the format: PyTorchFile.Save(model.state_dict(), stream).
        //  (It copies CUDA tensors to the CPU on the way, so the file loads on any machine.)
        //  TorchSharp's own model.save(...) writes a different format that Python cannot read.
        throw new NotImplementedException("TODO 4: write StateDicts.Write (PyTorch's format, via PyTorchFile). See README step 4.");
    }

    /// <summary>Reads a state dict in PyTorch's format. <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="CheckpointException">The bytes are not a complete PyTorch file (truncated or corrupt).</exception>
    public static Dictionary<string, Tensor> Read(Stream stream, string source)
    {
        // TODO 4 — PyTorchFile.Load(stream) gives the Dictionary<string, Tensor> (name -> tensor).
        //  A truncated or damaged file makes it throw an InvalidDataException: catch that and throw
        //  a CheckpointException that names `source`, says it is truncated or corrupt, and what to do.
        throw new NotImplementedException("TODO 4: write StateDicts.Read (PyTorch's format, via PyTorchFile). See README step 4.");
    }

    /// <summary>Saves the model's state dict to <paramref name="path"/>, atomically.</summary>
    public static void Save(Module model, string path)
    {
        // TODO 7 — AtomicFile.Write(path, stream => Write(model, stream)).
        throw new NotImplementedException("TODO 7: write StateDicts.Save (atomic, PyTorch's format). See README step 7.");
    }

    /// <summary>
    /// Loads the state dict at <paramref name="path"/> into <paramref name="model"/>, after checking that
    /// it fits: PyTorch's <c>model.load_state_dict(torch.load(path))</c> with a clear error when it does not.
    /// </summary>
    /// <exception cref="CheckpointException">Thrown for a file that cannot be loaded here (truncated, corrupt, of another architecture or kind); the message names the file and what to do.</exception>
    public static void Load(Module model, string path)
    {
        // TODO 7 — open the file (File.OpenRead), Read(stream, path), StateDictCheck.Verify(model, stateDict, path),
        //  then model.load_state_dict(stateDict). A missing file deserves a CheckpointException too.
        throw new NotImplementedException("TODO 7: write StateDicts.Load (read, verify, load_state_dict). See README step 7.");
    }
}
