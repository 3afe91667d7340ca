namespace Katas.TrainingDiagnostics;

/// <summary>Step 2: autograd's gradients against central finite differences.</summary>
public static class GradientCheck
{
    /// <summary>
    /// The gradient of the scalar function <paramref name="f"/> at <paramref name="x"/> by central
    /// differences: element i is (f(x + h e_i) - f(x - h e_i)) / 2h. x must be float64; it is left
    /// exactly as it was. Returns a float64 tensor shaped like x, on x's device; records no graph.
    /// </summary>
    /// <exception cref="ArgumentException">x is not float64.</exception>
    public static Tensor Numerical(Func<Tensor, Tensor> f, Tensor x, double h = 1e-6)
    {
        // TODO 2a — The definition of a derivative, used as a measuring instrument. Its accuracy
        //  decides what the whole check can see: which difference (one-sided or central) and which
        //  precision make the instrument a thousand times finer than the bugs it looks for?
        throw new NotImplementedException("TODO 2: the gradient by finite differences (GradientCheck.Numerical). See README step 2.");
    }

    /// <summary>
    /// The largest elementwise relative error |a - n| / max(|a|, |n|) between two gradients of the
    /// same shape; where both elements are 0 the error is 0. Symmetric in its two arguments.
    /// </summary>
    public static double RelativeError(Tensor analytic, Tensor numerical)
    {
        // TODO 2b — One number that says "these agree" whatever the gradients' scale: a gradient of
        //  1000 off by 0.001 is right, one of 0.001 off by 0.001 is wrong. And one wrong element among
        //  a thousand right ones is still a bug.
        throw new NotImplementedException("TODO 2: the relative error of CS231n (GradientCheck.RelativeError). See README step 2.");
    }

    /// <summary>
    /// The <see cref="RelativeError"/> between autograd's gradient of the scalar function f at x
    /// and <see cref="Numerical"/>'s. x is float64 and is left unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">x is not float64.</exception>
    public static double Function(Func<Tensor, Tensor> f, Tensor x, double h = 1e-6)
    {
        // TODO 2c — Two ways to the same gradient: if they disagree, the backward is wrong.
        throw new NotImplementedException("TODO 2: check a function's gradient (GradientCheck.Function). See README step 2.");
    }

    /// <summary>
    /// Checks the backward of a float64 <paramref name="module"/> at <paramref name="input"/>: the
    /// module's output is reduced to a scalar with fixed random weights (a generator seeded with
    /// <paramref name="seed"/>), and the gradient of that scalar is checked with respect to the input
    /// (key "input") and to every parameter (keys from named_parameters()). Every parameter is left
    /// exactly as it was.
    /// </summary>
    /// <exception cref="ArgumentException">The module's parameters or the input are not float64.</exception>
    public static IReadOnlyDictionary<string, double> Module(torch.nn.Module<Tensor, Tensor> module, Tensor input, int seed = 0, double h = 1e-6)
    {
        // TODO 2d — The same check for a layer, where the bugs hide in three places at once. Why random
        //  weights and not a plain sum of the outputs? Think about which gradient a sum sends into the
        //  backward you are testing, and which bug that gradient can never reveal (README step 2).
        throw new NotImplementedException("TODO 2: check every gradient of a layer (GradientCheck.Module). See README step 2.");
    }
}
