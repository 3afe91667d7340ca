using static TorchSharp.torch.nn;
using static TorchSharp.torch.optim;

namespace Katas.GpuAndCheckpoints;

/// <summary>The three moves: data to the device, model to the device, results back to the CPU.</summary>
public static class OnDevice
{
    public static torch.Device Choose() => Devices.Choose();

    public static Tensor Predict(Module<Tensor, Tensor> model, Tensor x, torch.Device device)
    {
        model.to(device);
        model.eval();
        using var _ = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var input = x.to(device);
        return model.forward(input).argmax(dim: 1).cpu().MoveToOuterDisposeScope();
    }

    public static float TrainStep(Module<Tensor, Tensor> model, Optimizer optimizer, Tensor x, Tensor y, torch.Device device)
    {
        using var scope = torch.NewDisposeScope();
        model.train();
        var input = x.to(device);
        var target = y.to(device);
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.forward(input), target);
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }
}
