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

    /// <summary>
    /// What is wrong with <c>cnn.forward(x)</c>, in the tests' words (null: nothing). A failure inside
    /// libtorch becomes a sentence about the shapes, so a learner never has to read a native trace.
    /// </summary>
    public static string? ForwardProblem(Cnn cnn, Tensor x)
    {
        using var _ = torch.no_grad();
        Tensor actual;
        try
        {
            actual = cnn.forward(x);
        }
        catch (System.Runtime.InteropServices.ExternalException e)
        {
            return $"Cnn.forward failed inside libtorch ({e.Message.Split('\n')[0].Trim()}). After conv2 a batch of {x.shape[0]} images " +
                   $"is [{x.shape[0]}, 32, 7, 7], and output = Linear(1568 -> 10) wants one row of 32 * 7 * 7 = 1568 numbers per image: " +
                   $"[{x.shape[0]}, 1568]. flatten(1) keeps dimension 0, the batch; flatten() with no argument flattens the whole batch " +
                   $"into one vector of {x.shape[0]} * 1568 numbers (README step 4).";
        }
        using (actual)
        {
            if (!actual.shape.SequenceEqual([x.shape[0], 10L]))
                return $"Cnn.forward gave [{string.Join(", ", actual.shape)}] for {x.shape[0]} images, not [{x.shape[0]}, 10]: one raw " +
                       "score per digit for every image, with the batch dimension kept (flatten(1)).";
            using var expected = Logits(cnn, x);
            if (actual.allclose(expected, rtol: 1e-4, atol: 1e-5)) return null;
            using var softmaxed = expected.softmax(1);
            return actual.allclose(softmaxed, rtol: 1e-4, atol: 1e-5)
                ? "Cnn.forward returns softmax probabilities: remove the softmax. cross_entropy applies log_softmax itself, so a " +
                  "softmax in forward squashes the scores twice and training crawls (chapter 1, step 3)."
                : "Cnn.forward does not compute output(flatten(conv2(conv1(x)))) with flatten(1) and no softmax.";
        }
    }

    /// <summary>Fails with <see cref="ForwardProblem"/>'s sentence, after <paramref name="before"/>, when there is one.</summary>
    public static void ForwardShouldBeTheSeeds(Cnn cnn, Tensor x, string before = "")
    {
        if (ForwardProblem(cnn, x) is { } problem) throw new ShouldAssertException(before + problem);
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
