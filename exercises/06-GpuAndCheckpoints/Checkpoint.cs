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
    /// <summary>Saves a checkpoint to <paramref name="path"/>, atomically: what <see cref="Write"/> writes, or the previous file if the save fails.</summary>
    /// <param name="path">The checkpoint file (its folder is created if needed).</param>
    /// <param name="model">The model: its kind, hyper-parameters and weights are saved, wherever it lives.</param>
    /// <param name="optimizer">For a training checkpoint, the optimizer whose state (e.g. Adam's moment estimates) is saved too; null for an inference checkpoint.</param>
    /// <param name="epoch">How many epochs of training the weights have seen.</param>
    public static void Save(string path, Mlp model, OptimizerHelper? optimizer = null, int epoch = 0)
    {
        // TODO 8 — a checkpoint is the file you least want to lose half-way: a crash during the save of
        //  epoch 10 must leave the checkpoint of epoch 9 loadable. Step 6 already solved that.
        throw new NotImplementedException("TODO 8: write Checkpoint.Save (atomic). See README step 8.");
    }

    /// <summary>
    /// Writes a checkpoint to <paramref name="stream"/> as a <see cref="CheckpointArchive"/>:
    /// <c>checkpoint.json</c> (a <see cref="CheckpointInfo"/> with <see cref="Mlp.Kind"/>, the model's
    /// <see cref="Mlp.Spec"/> and <paramref name="epoch"/>), <c>model.pt</c> (the state dict, as
    /// <see cref="StateDicts.Write"/> writes it) and, only when <paramref name="optimizer"/> is given,
    /// <c>optimizer.pt</c> (its state dict, PyTorch's format). The stream stays open.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public static void Write(Stream stream, Mlp model, OptimizerHelper? optimizer = null, int epoch = 0)
    {
        // TODO 8 — Python pickles the model object; C# writes down what to build instead, so that a
        //  program that never saw this model can rebuild it. Everything a later program needs goes in:
        //  for inference, the record and the weights; to resume training, also the optimizer's memory
        //  and how far training got.
        throw new NotImplementedException("TODO 8: write Checkpoint.Write (checkpoint.json, model.pt, optimizer.pt). See README step 8.");
    }

    /// <summary>
    /// Builds the model a checkpoint describes and loads its weights: the caller need not know what it
    /// was. <paramref name="device"/> is where the returned model lives (PyTorch's map_location); the CPU
    /// when it is null.
    /// </summary>
    /// <returns>A new <see cref="Mlp"/> with the saved <see cref="Mlp.Spec"/> and weights, on <paramref name="device"/>.</returns>
    /// <exception cref="CheckpointException">Thrown for a file that cannot be loaded here (missing, truncated, corrupt, not a checkpoint, of a kind other than <see cref="Mlp.Kind"/>, or whose weights do not fit); the message names the file and what to do.</exception>
    public static Mlp LoadModel(string path, torch.Device? device = null)
    {
        // TODO 8 — the reverse of Write, trusting nothing: the archive checks that the file is whole,
        //  the record says whether this program can build that kind of model at all, and the weights
        //  are verified before they are loaded. The device is the caller's choice, and a checkpoint
        //  saved from a GPU must load on a machine without one.
        throw new NotImplementedException("TODO 8: write Checkpoint.LoadModel (build from the record, then load). See README step 8.");
    }

    /// <summary>
    /// Restores a training run: the checkpoint's weights into <paramref name="model"/> (wherever it lives),
    /// its optimizer state into <paramref name="optimizer"/>, on the model's device.
    /// </summary>
    /// <param name="model">A model built with the saved hyper-parameters, already on its device.</param>
    /// <param name="optimizer">A new optimizer over <paramref name="model"/>'s parameters.</param>
    /// <returns>The number of epochs already done: the first epoch to train next.</returns>
    /// <exception cref="CheckpointException">Thrown for a file that cannot be loaded here (missing, truncated, corrupt, of another kind or architecture), and for a checkpoint saved without an optimizer; the message names the file and what to do.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="optimizer"/> is null.</exception>
    public static int Resume(string path, Mlp model, OptimizerHelper optimizer)
    {
        // TODO 9 — weights alone do not resume training: Adam remembers a running average of every
        //  gradient and how many steps it took, and a fresh Adam starts both from zero. Resuming is
        //  exact only if everything that shapes the next step comes back, where the model now lives
        //  (the optimizer's state arrives as CPU tensors), and a checkpoint that cannot resume says why.
        throw new NotImplementedException("TODO 9: write Checkpoint.Resume (model, optimizer, epoch). See README step 9.");
    }
}
