using TorchSharp.Modules;

namespace Katas.GpuAndCheckpoints;

/// <summary>What a checkpoint records besides the weights: what to build, and how far training got.</summary>
/// <param name="Kind">The kind of model (<see cref="Mlp.Kind"/>).</param>
/// <param name="HyperParameters">What to build it with.</param>
/// <param name="Epoch">How many epochs of training the weights have seen.</param>
public sealed record CheckpointInfo(string Kind, MlpSpec HyperParameters, int Epoch);

/// <summary>
/// The "whole model" in a file, and resumable training. Python's <c>torch.save(model)</c> pickles the
/// model object, code reference and all; C# cannot pickle code, so a checkpoint records what to build
/// (kind and hyper-parameters) next to the weights, and loading builds the model from that record.
/// </summary>
/// <remarks>
/// The file is a <see cref="CheckpointArchive"/> with three parts: <c>checkpoint.json</c> (a
/// <see cref="CheckpointInfo"/>), <c>model.pt</c> (the state dict, PyTorch's format) and, for training
/// checkpoints, <c>optimizer.pt</c> (the optimizer's state dict, PyTorch's format).
/// </remarks>
public static class Checkpoint
{
    /// <summary>Saves a checkpoint to <paramref name="path"/>, atomically.</summary>
    public static void Save(string path, Mlp model, OptimizerHelper? optimizer = null, int epoch = 0)
    {
        // TODO 8 — AtomicFile.Write(path, stream => Write(stream, model, optimizer, epoch)).
        throw new NotImplementedException("TODO 8: write Checkpoint.Save (atomic). See README step 8.");
    }

    /// <summary>Writes a checkpoint to <paramref name="stream"/>: what to build, the weights, the optimizer state if given.</summary>
    public static void Write(Stream stream, Mlp model, OptimizerHelper? optimizer = null, int epoch = 0)
    {
        // TODO 8 — collect the parts, then CheckpointArchive.Write(stream, parts):
        //    "checkpoint.json": JsonSerializer.SerializeToUtf8Bytes(new CheckpointInfo(Mlp.Kind, model.Spec, epoch))
        //    "model.pt":        the bytes StateDicts.Write(model, memoryStream) produces
        //    "optimizer.pt":    if an optimizer is given: optimizer.save_py(memoryStream, leaveOpen: true)
        //                       (PyBridge; PyTorch's optimizer.state_dict() format)
        throw new NotImplementedException("TODO 8: write Checkpoint.Write (checkpoint.json, model.pt, optimizer.pt). See README step 8.");
    }

    /// <summary>
    /// Builds the model a checkpoint describes and loads its weights: the caller need not know what it
    /// was. <paramref name="device"/> is where the model should live (PyTorch's map_location); the CPU by default.
    /// </summary>
    /// <exception cref="CheckpointException">Thrown for a file that cannot be loaded here (truncated, corrupt, of another architecture or kind); the message names the file and what to do.</exception>
    public static Mlp LoadModel(string path, torch.Device? device = null)
    {
        // TODO 8 — var parts = CheckpointArchive.Read(path)   (it rejects truncated and corrupt files)
        //    var info = JsonSerializer.Deserialize<CheckpointInfo>(parts["checkpoint.json"])
        //    reject a Kind other than Mlp.Kind with a CheckpointException (which kinds this program can build)
        //    var model = new Mlp(info.HyperParameters)
        //    load parts["model.pt"] into it: StateDicts.Read, StateDictCheck.Verify, load_state_dict
        //    then model.to(device) if one is given.
        throw new NotImplementedException("TODO 8: write Checkpoint.LoadModel (build from the record, then load). See README step 8.");
    }

    /// <summary>
    /// Restores a training run: the checkpoint's weights into <paramref name="model"/>, its optimizer state
    /// into <paramref name="optimizer"/>. Returns the number of epochs already done (where to go on from).
    /// </summary>
    /// <exception cref="CheckpointException">Thrown for a file that cannot be loaded here (truncated, corrupt, of another architecture or kind); the message names the file and what to do.</exception>
    public static int Resume(string path, Mlp model, OptimizerHelper optimizer)
    {
        // TODO 9 — read the parts (CheckpointArchive.Read) and the CheckpointInfo as in LoadModel;
        //    load "model.pt" into the given model (verified: a checkpoint of another architecture must
        //    fail with the parameter and both shapes);
        //    no "optimizer.pt"? throw a CheckpointException: this checkpoint was saved for inference only;
        //    optimizer.load_py(new MemoryStream(parts["optimizer.pt"]))   (Adam's moment estimates, step counts)
        //    return info.Epoch.
        throw new NotImplementedException("TODO 9: write Checkpoint.Resume (model, optimizer, epoch). See README step 9.");
    }
}
