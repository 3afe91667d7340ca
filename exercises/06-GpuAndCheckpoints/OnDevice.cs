using static TorchSharp.torch.nn;
using static TorchSharp.torch.optim;

namespace Katas.GpuAndCheckpoints;

/// <summary>
/// Using a GPU is three moves: the data to the device, the model to the device, the results back
/// to the CPU. Everything in between stays as it was.
/// </summary>
public static class OnDevice
{
    /// <summary>
    /// The device this program computes on: a CUDA device when one is available, else the CPU. The
    /// environment variable KATAS_DEVICE (<c>cpu</c>, <c>cuda</c> or <c>auto</c>) decides first, so that
    /// one machine can run the same code both ways.
    /// </summary>
    /// <returns>A device for <c>.to(device)</c>: CUDA or the CPU.</returns>
    public static torch.Device Choose()
    {
        // TODO 1 — the device is chosen once, at the start, and every later move names it. The Kit's
        //  Devices class already makes this choice the way the whole course does (README step 1): a
        //  program that picks its device in one place can be moved to a GPU by changing nothing else.
        throw new NotImplementedException("TODO 1: choose the device (OnDevice.Choose). See README step 1.");
    }

    /// <summary>The predicted class of every row of <paramref name="x"/>, computed on <paramref name="device"/>.</summary>
    /// <param name="model">Any classifier; it is moved to <paramref name="device"/> (parameters move in place) and left there, in eval mode.</param>
    /// <param name="x">float32 [N, features] on any device; it is not changed and stays where it is.</param>
    /// <param name="device">Where the computation runs.</param>
    /// <returns>int64 [N] on the CPU: for each row, the index of the highest of its scores.</returns>
    public static Tensor Predict(Module<Tensor, Tensor> model, Tensor x, torch.Device device)
    {
        // TODO 2 — the three moves of the README. A tensor only computes with tensors on its own device,
        //  so the model and the data must meet on one device; and whoever called Predict should not have
        //  to know which device that was. Predicting is not training: no dropout, no gradient graph.
        throw new NotImplementedException("TODO 2: write OnDevice.Predict (data and model to the device, result back). See README step 2.");
    }

    /// <summary>
    /// One training step on <paramref name="device"/>: the loss of the batch, its gradients, one optimizer step.
    /// </summary>
    /// <param name="model">The model, already on <paramref name="device"/> (moved there before <paramref name="optimizer"/> was made); left in train mode.</param>
    /// <param name="optimizer">Holds the model's parameters; updates them in place.</param>
    /// <param name="x">float32 [B, features], on any device.</param>
    /// <param name="y">int64 [B] class indices, on any device.</param>
    /// <param name="device">Where the model is, and where the step runs.</param>
    /// <returns>The batch's mean cross-entropy loss before the update, as a CPU number.</returns>
    public static float TrainStep(Module<Tensor, Tensor> model, Optimizer optimizer, Tensor x, Tensor y, torch.Device device)
    {
        // TODO 3 — chapter 1's training step, with one difference: the batch comes from the CPU and must
        //  join the model first. The model does not move here: the optimizer holds references to its
        //  parameters, so they are moved once, before the optimizer exists. Nothing about the step
        //  itself depends on the device, and nothing of an earlier step (mode, gradients) may leak in.
        throw new NotImplementedException("TODO 3: write OnDevice.TrainStep (a training step on a device). See README step 3.");
    }
}
