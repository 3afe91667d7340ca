namespace Katas.SimpleClassifier.Tests;

/// <summary>What the tests compare against: the network computed by hand from its own parameters.</summary>
internal static class Reference
{
    /// <summary>output(relu(hidden(x))) with plain matrix products.</summary>
    public static Tensor Logits(Net net, Tensor x)
    {
        using var _ = torch.no_grad();
        var h = x.matmul(net.hidden.weight!.t()) + net.hidden.bias!;
        return h.relu().matmul(net.output.weight!.t()) + net.output.bias!;
    }

    /// <summary>The gradient of cross-entropy(raw logits) w.r.t. every parameter, on a copy of the net.</summary>
    public static Dictionary<string, Tensor> Gradients(Net net, Tensor x, Tensor y)
    {
        var copy = new Net((int)net.hidden.weight!.shape[1], (int)net.hidden.weight.shape[0], (int)net.output.weight!.shape[0]);
        copy.load_state_dict(net.state_dict());
        var h = x.matmul(copy.hidden.weight!.t()) + copy.hidden.bias!;
        var logits = h.relu().matmul(copy.output.weight!.t()) + copy.output.bias!;
        nn.functional.cross_entropy(logits, y).backward();
        return copy.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!.clone());
    }

    public static Dictionary<string, Tensor> Snapshot(Net net) =>
        net.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone());

    /// <summary>A sentence when <paramref name="actual"/> is output(hidden(x)): the ReLU left out.</summary>
    public static string NoReluHint(Net net, Tensor x, Tensor actual)
    {
        using var _ = torch.no_grad();
        var linear = x.matmul(net.hidden.weight!.t()) + net.hidden.bias!;
        var skipped = linear.matmul(net.output.weight!.t()) + net.output.bias!;
        return actual.allclose(skipped, rtol: 1e-4, atol: 1e-5)
            ? "Yours equals output(hidden(x)): the ReLU between the layers is missing, and without it two linear layers are " +
              "just one linear map, which can only draw a straight boundary (README step 3)."
            : "";
    }

    public static string SoftmaxHint(Tensor actual, Tensor expected) =>
        actual.allclose(expected.softmax(1), rtol: 1e-4, atol: 1e-5)
            ? "Yours equals softmax of that: remove the softmax (README step 3)."
            : "";
}
