namespace Katas.Layers;

/// <summary>Activation functions from their formulas.</summary>
public static class Activations
{
    public static Tensor Relu(Tensor x) =>
        // TODO 11 — max(x, 0): x.clamp_min(0)
        throw new NotImplementedException("TODO 11: write Activations.Relu. See README step 11.");

    public static Tensor Elu(Tensor x, double alpha = 1.0) =>
        // TODO 11 — x where x > 0, else alpha * (e^x - 1): torch.where(x.gt(0), x, alpha * (x.exp() - 1))
        throw new NotImplementedException("TODO 11: write Activations.Elu. See README step 11.");

    public static Tensor Sigmoid(Tensor x) =>
        // TODO 11 — 1 / (1 + e^-x)
        throw new NotImplementedException("TODO 11: write Activations.Sigmoid. See README step 11.");

    public static Tensor Tanh(Tensor x) =>
        // TODO 11 — (e^x - e^-x) / (e^x + e^-x), written so that it cannot overflow (README hint).
        throw new NotImplementedException("TODO 11: write Activations.Tanh. See README step 11.");

    /// <summary>exp(x) / sum(exp(x)) along <paramref name="dim"/>: probabilities that sum to 1.</summary>
    public static Tensor Softmax(Tensor x, long dim) =>
        // TODO 11 — subtract the maximum along dim first (x.amax([dim], keepdim: true)): it cancels in the
        //  fraction and keeps exp from overflowing. Then exp, and divide by the sum along dim (keepdim: true).
        throw new NotImplementedException("TODO 11: write Activations.Softmax. See README step 11.");
}
