namespace Katas.Layers;

/// <summary>
/// Activation functions from their formulas. Each takes a float tensor of any shape and returns one
/// of the same shape, dtype and device, computed element by element (Softmax: along one dimension).
/// </summary>
public static class Activations
{
    /// <summary>relu(x) = max(x, 0).</summary>
    public static Tensor Relu(Tensor x) =>
        // TODO 11 — The simplest non-linearity: without one, a stack of linear layers is one linear layer.
        throw new NotImplementedException("TODO 11: write Activations.Relu. See README step 11.");

    /// <summary>elu(x) = x for x &gt; 0, alpha * (e^x - 1) otherwise.</summary>
    public static Tensor Elu(Tensor x, double alpha = 1.0) =>
        // TODO 11 — Two formulas, one per side of 0, picked element by element; alpha is the negative side's floor.
        throw new NotImplementedException("TODO 11: write Activations.Elu. See README step 11.");

    /// <summary>sigmoid(x) = 1 / (1 + e^-x), in (0, 1); 0 (not NaN) for very negative x.</summary>
    public static Tensor Sigmoid(Tensor x) =>
        // TODO 11 — Squashes any score into a probability; mind which sign the exponent has.
        throw new NotImplementedException("TODO 11: write Activations.Sigmoid. See README step 11.");

    /// <summary>tanh(x) = (e^x - e^-x) / (e^x + e^-x), in (-1, 1); exactly ±1 for large |x|, never NaN.</summary>
    public static Tensor Tanh(Tensor x) =>
        // TODO 11 — The definition overflows float32 for |x| above about 89: find a form built from a
        //  function that cannot (README hint).
        throw new NotImplementedException("TODO 11: write Activations.Tanh. See README step 11.");

    /// <summary>
    /// exp(x) / sum(exp(x)) along <paramref name="dim"/>: non-negative values that sum to 1 along dim,
    /// finite even for scores in the thousands.
    /// </summary>
    public static Tensor Softmax(Tensor x, long dim) =>
        // TODO 11 — Adding the same number to every score of a row changes nothing in the fraction; use that
        //  to keep exp away from overflow. The sums run along dim only: one set of probabilities per row.
        throw new NotImplementedException("TODO 11: write Activations.Softmax. See README step 11.");
}
