using Shouldly;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Kit.Testing;

/// <summary>
/// Shouldly-style assertions for tensors, with failure messages that show shapes and the largest
/// difference, so a learner sees how far off they are, not just "false".
/// </summary>
[ShouldlyMethods]
public static class TensorAssertions
{
    /// <summary>Same shape and exactly the same values.</summary>
    public static void ShouldEqual(this Tensor actual, Tensor expected, string? customMessage = null) =>
        actual.ShouldBeClose(expected, rtol: 0, atol: 0, customMessage);

    /// <summary>Same shape, and |actual - expected| &lt;= atol + rtol * |expected| everywhere.</summary>
    public static void ShouldBeClose(this Tensor actual, Tensor expected, double rtol = 1e-5, double atol = 1e-6, string? customMessage = null)
    {
        if (!actual.shape.SequenceEqual(expected.shape))
            throw new ShouldAssertException(
                $"tensor should have shape [{string.Join(", ", expected.shape)}] but has [{string.Join(", ", actual.shape)}]"
                + Suffix(customMessage));
        using var scope = torch.NewDisposeScope();
        var a = actual.detach().cpu().to(ScalarType.Float64);
        var e = expected.detach().cpu().to(ScalarType.Float64);
        if (a.numel() == 0 || a.allclose(e, rtol, atol)) return;
        var diff = (a - e).abs();
        var worst = diff.argmax().item<long>();
        var flatA = a.flatten();
        var flatE = e.flatten();
        var wrong = diff.gt(atol + rtol * e.abs()).sum().item<long>();
        throw new ShouldAssertException(
            $"tensor should be close to the expected one (rtol {rtol}, atol {atol}) but {wrong} of {a.numel()} values differ; " +
            $"the largest difference is at flat index {worst}: {flatA[worst].item<double>():G6} instead of {flatE[worst].item<double>():G6}"
            + Suffix(customMessage));
    }

    static string Suffix(string? message) => string.IsNullOrEmpty(message) ? "" : "\n\nAdditional info:\n    " + message;
}
