using static TorchSharp.torch.nn;

namespace Katas.MnistCnn.Tests;

/// <summary>What the tests compare against: the seed's network computed from the Cnn's own parameters.</summary>
internal static class Reference
{
    /// <summary>conv(stride 2, pad 2) -> relu -> maxpool 2 -> conv(stride 1, pad 2) -> relu -> flatten -> linear.</summary>
    public static Tensor Logits(Cnn net, Tensor x)
    {
        var p = net.named_parameters().ToDictionary(n => n.name, n => (Tensor)n.parameter);
        var h = functional.conv2d(x, p["conv1.0.weight"], p["conv1.0.bias"], strides: [2, 2], padding: [2, 2]).relu();
        h = functional.max_pool2d(h, 2);
        h = functional.conv2d(h, p["conv2.0.weight"], p["conv2.0.bias"], strides: [1, 1], padding: [2, 2]).relu();
        return functional.linear(h.flatten(1), p["output.weight"], p["output.bias"]);
    }

    /// <summary>A tiny fake MNIST: image i is filled with the value i, its label is i (so a batch shows which items it holds).</summary>
    public static (Tensor Images, Tensor Labels) Numbered(int count)
    {
        var labels = torch.arange(count, dtype: int64);
        var images = labels.to(float32).reshape(count, 1, 1, 1).expand(count, 1, 28, 28).contiguous();
        return (images, labels);
    }

    /// <summary>Random images with random labels on <paramref name="device"/>, for checking arithmetic (not learning).</summary>
    public static List<Dictionary<string, Tensor>> RandomBatches(int batches, int size, int seed, torch.Device device)
    {
        using var g = new torch.Generator((ulong)seed); // drawn on the CPU: the same batches on every device
        return Enumerable.Range(0, batches)
            .Select(_ => new Dictionary<string, Tensor>
            {
                ["data"] = torch.rand([size, 1, 28, 28], generator: g).to(device),
                ["label"] = torch.randint(0, 10, [size], generator: g).to(device),
            })
            .ToList();
    }

    public static Dictionary<string, Tensor> Snapshot(Module module) =>
        module.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone());
}
