using static TorchSharp.torch.nn;

namespace Katas.GpuAndCheckpoints;

/// <summary>
/// A model's parameters as a state dict (name -> tensor: "fc1.weight", "fc1.bias", ...), in PyTorch's
/// own file format: what Python's <c>torch.save(model.state_dict(), path)</c> writes and
/// <c>torch.load(path)</c> reads.
/// </summary>
public static class StateDicts
{
    /// <summary>
    /// Writes the model's state dict (parameters and buffers by name) to <paramref name="stream"/> in
    /// PyTorch's zip format, as Python's <c>torch.save(model.state_dict(), f)</c> does. Tensors on a GPU
    /// are written as CPU tensors, so the file loads on any machine. The stream stays open.
    /// </summary>
    public static void Write(Module model, Stream stream)
    {
        // TODO 4 — the format is the point: a file Python's torch.load reads, and the same reader for
        //  files Python wrote. The Kit's PyTorchFile knows it (README step 4); TorchSharp's own
        //  model.save writes a format only TorchSharp reads.
        throw new NotImplementedException("TODO 4: write StateDicts.Write (PyTorch's format, via PyTorchFile). See README step 4.");
    }

    /// <summary>Reads a state dict in PyTorch's format from <paramref name="stream"/>.</summary>
    /// <param name="stream">Positioned at the start of the file's bytes.</param>
    /// <param name="source">What to call the file in error messages (its path, or a part of a checkpoint).</param>
    /// <returns>Name -> CPU tensor, e.g. <c>fc1.weight</c> -> float32 [hidden, inFeatures].</returns>
    /// <exception cref="CheckpointException">The bytes are not a complete PyTorch file (truncated or corrupt); the message names <paramref name="source"/> and what to do.</exception>
    public static Dictionary<string, Tensor> Read(Stream stream, string source)
    {
        // TODO 4 — reading is where real files go wrong: a copy that stopped half-way, a damaged disk.
        //  The reader reports that in terms of zip headers; the person who asked to load "model.pt"
        //  needs to hear which file, what is wrong with it, and what to do about it.
        throw new NotImplementedException("TODO 4: write StateDicts.Read (PyTorch's format, via PyTorchFile). See README step 4.");
    }

    /// <summary>Saves the model's state dict to <paramref name="path"/> in PyTorch's format, atomically (see <see cref="AtomicFile"/>).</summary>
    public static void Save(Module model, string path)
    {
        // TODO 7 — nothing new: the format of step 4 and the safe write of step 6, put together. A
        //  save that dies half-way must leave the previous file as it was.
        throw new NotImplementedException("TODO 7: write StateDicts.Save (atomic, PyTorch's format). See README step 7.");
    }

    /// <summary>
    /// Loads the state dict at <paramref name="path"/> into <paramref name="model"/>, after checking that
    /// it fits: PyTorch's <c>model.load_state_dict(torch.load(path))</c> with a clear error when it does not.
    /// The values are copied into the model's own tensors, on the model's device.
    /// </summary>
    /// <exception cref="CheckpointException">Thrown for a file that is missing, truncated, corrupt or of another architecture; the message names the file and what to do. Nothing is loaded then.</exception>
    public static void Load(Module model, string path)
    {
        // TODO 7 — the order is the lesson: look at everything the file holds before changing a single
        //  weight. A load that fails half-way leaves a model that is neither the old one nor the new one.
        throw new NotImplementedException("TODO 7: write StateDicts.Load (read, verify, load_state_dict). See README step 7.");
    }
}
