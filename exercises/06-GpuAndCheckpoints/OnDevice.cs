using static TorchSharp.torch.nn;
using static TorchSharp.torch.optim;

namespace Katas.GpuAndCheckpoints;

/// <summary>
/// Using a GPU is three moves: the data to the device, the model to the device, the results back
/// to the CPU. Everything in between stays as it was.
/// </summary>
public static class OnDevice
{
    /// <summary>CUDA when it is available, else the CPU; the environment variable KATAS_DEVICE decides first.</summary>
    public static torch.Device Choose()
    {
        // TODO 1 — PyTorch writes: torch.device("cuda" if torch.cuda.is_available() else "cpu").
        //  The Kit does exactly that and also honours KATAS_DEVICE (cpu, cuda or auto): return Devices.Choose().
        throw new NotImplementedException("TODO 1: choose the device (OnDevice.Choose). See README step 1.");
    }

    /// <summary>The predicted class of every row of x, computed on <paramref name="device"/>, returned on the CPU.</summary>
    public static Tensor Predict(Module<Tensor, Tensor> model, Tensor x, torch.Device device)
    {
        // TODO 2 — the three moves:
        //  (the code itself: hint level 3)
        //    return predicted.cpu();           // 3. the results back, for whatever comes next
        throw new NotImplementedException("TODO 2: write OnDevice.Predict (data and model to the device, result back). See README step 2.");
    }

    /// <summary>
    /// One training step on <paramref name="device"/>, where the model already is: moves the batch
    /// there, then zero_grad, cross-entropy, backward, step. Returns the loss as a CPU number.
    /// </summary>
    public static float TrainStep(Module<Tensor, Tensor> model, Optimizer optimizer, Tensor x, Tensor y, torch.Device device)
    {
        // TODO 3 — train mode; move x and y with .to(device); then chapter 1's three core lines.
        //  (the code itself: hint level 3)
        //  return loss.item<float>()   // item() brings the number back to the CPU
        //  Do not move the model here: the optimizer holds the model's parameters, so the model goes to
        //  the device once, BEFORE the optimizer is made.
        throw new NotImplementedException("TODO 3: write OnDevice.TrainStep (a training step on a device). See README step 3.");
    }
}
