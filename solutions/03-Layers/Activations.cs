namespace Katas.Layers;

/// <summary>Activation functions from their formulas.</summary>
public static class Activations
{
    public static Tensor Relu(Tensor x) => x.clamp_min(0);

    public static Tensor Elu(Tensor x, double alpha = 1.0) => torch.where(x.gt(0), x, alpha * (x.exp() - 1));

    public static Tensor Sigmoid(Tensor x) => 1 / (1 + (-x).exp());

    // (e^x - e^-x) / (e^x + e^-x) = 2 sigmoid(2x) - 1, which cannot overflow.
    public static Tensor Tanh(Tensor x) => 2 * Sigmoid(2 * x) - 1;

    public static Tensor Softmax(Tensor x, long dim)
    {
        // Subtracting the maximum changes nothing (it cancels) but keeps exp from overflowing.
        var shifted = (x - x.amax([dim], keepdim: true)).exp();
        return shifted / shifted.sum(dim, keepdim: true);
    }
}
