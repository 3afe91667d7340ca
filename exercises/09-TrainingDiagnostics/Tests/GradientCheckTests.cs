using static TorchSharp.torch.nn;

namespace Katas.TrainingDiagnostics.Tests;

public class GradientCheckTests
{
    static Tensor Input(int seed, params long[] shape) =>
        torch.randn(shape, dtype: float64, generator: new torch.Generator((ulong)seed)).to(TestDevice.Current);

    [Fact, Points(2), Step(2)]
    public void Numerical_gradient_of_a_cube_is_3_x_squared_to_ten_digits()
    {
        var x = Input(0, 6);

        var gradient = GradientCheck.Numerical(v => v.pow(3).sum(), x);

        gradient.shape.ShouldBe(x.shape, "one partial derivative per element of x");
        gradient.dtype.ShouldBe(float64);
        gradient.ShouldBeClose(3 * x.pow(2), rtol: 0, atol: 1e-7,
            "central differences (f(x + h) - f(x - h)) / 2h are exact to about h^2 = 1e-12 here; a one-sided difference " +
            "(f(x + h) - f(x)) / h is off by about 3x * h, a thousand times more than a gradient check can afford (README step 2)");
    }

    [Fact, Points(2), Step(2)]
    public void Numerical_nudges_one_element_at_a_time_and_leaves_x_as_it_was()
    {
        var x = Input(1, 3, 2);
        var copy = x.clone();

        // Every partial derivative of (sum x)^2 is 2 sum x: it depends on all the other elements.
        var gradient = GradientCheck.Numerical(v => v.sum().pow(2), x);

        x.ShouldEqual(copy, "every element you nudge must be put back exactly: perturb a copy, or restore the value you saved");
        gradient.ShouldBeClose(torch.full_like(x, 2 * x.sum().item<double>()), rtol: 0, atol: 1e-7,
            "each partial derivative must be taken at x itself, with every other element at its own value: put each element " +
            "back exactly before you nudge the next one (README step 2)");
        Should.Throw<ArgumentException>(() => GradientCheck.Numerical(v => v.sum(), x.to(float32)),
            "in float32 a difference of two nearly equal losses keeps only a few digits: finite differences need float64");
    }

    [Fact, Points(2), Step(2)]
    public void Relative_error_is_the_largest_of_difference_over_the_larger_magnitude()
    {
        var analytic = torch.tensor(new[] { 1.0, 0.0, 1000.0, -2.0 }, dtype: float64);
        var numerical = torch.tensor(new[] { 1.1, 0.0, 1000.001, -2.0 }, dtype: float64);

        var error = GradientCheck.RelativeError(analytic, numerical);

        error.ShouldBe(0.1 / 1.1, 1e-9,
            "elementwise |a - n| / max(|a|, |n|), then the largest: 0.1 / 1.1 = 0.0909 here. An absolute error says 0.1, and " +
            "dividing by |a| alone says 0.1 and blows up where a is 0; where both are 0 the error is 0 (README step 2)");
        GradientCheck.RelativeError(numerical, analytic).ShouldBe(error, 1e-12, "the error is symmetric: divide by the larger magnitude of the two");
        GradientCheck.RelativeError(torch.zeros(5, dtype: float64), torch.zeros(5, dtype: float64)).ShouldBe(0,
            "two zero gradients agree: their error is 0, not 0 / 0 = NaN");
    }

    [Fact, Points(1), Step(2)]
    public void Relative_error_keeps_one_bad_element_among_many()
    {
        var analytic = torch.ones(1000, dtype: float64);
        var numerical = analytic.clone();
        numerical[17] = 2.0;

        GradientCheck.RelativeError(analytic, numerical).ShouldBe(0.5, 1e-12,
            "one wrong partial derivative is a bug however many are right: take the largest elementwise error, not the mean");
    }

    [Fact, Points(2), Step(2)]
    public void The_function_check_passes_autograd_and_fails_a_backward_that_forgets_the_chain_rule()
    {
        var x = Input(2, 7);

        var right = GradientCheck.Function(v => v.exp().log1p().sum(), x);
        var planted = GradientCheck.Function(v => SoftplusForgetsSigmoid.apply(v).sum(), x);

        right.ShouldBeLessThan(1e-6, $"autograd's own softplus agrees with central differences to about 1e-9 in float64 (yours: {right:G3})");
        planted.ShouldBeGreaterThan(1e-2,
            $"this softplus's backward forgets the inner factor of the chain rule, and your check calls the error {planted:G3}: " +
            "compare autograd's gradient of f at x (x.requires_grad, f(x).backward(), x.grad) with the numerical one (README step 2)");
    }

    [Fact, Points(2), Step(2)]
    public void The_module_check_reports_the_input_and_every_parameter_and_passes_a_right_layer()
    {
        var layer = HandLinear.Right();
        layer.to(TestDevice.Current);
        var x = Input(3, 5, 4);

        var errors = GradientCheck.Module(layer, x);

        errors.Keys.Order(StringComparer.Ordinal).ToArray().ShouldBe(["bias", "input", "weight"],
            "one error for the input (\"input\") and one for each named parameter (named_parameters())");
        errors.Values.ShouldAllBe(e => e < 1e-5, $"a right backward agrees to 1e-10..1e-6 (an element near 0 keeps fewer digits): {Show(errors)}");

        var linear = Linear(4, 3, dtype: float64);
        linear.to(TestDevice.Current);
        GradientCheck.Module(linear, x).Values.ShouldAllBe(e => e < 1e-5, "nn.Linear's backward is right too");
    }

    [Fact, Points(2), Step(2)]
    public void The_module_check_finds_a_transposed_input_gradient()
    {
        var layer = HandLinear.WithTransposedInputGradient();
        layer.to(TestDevice.Current);

        var errors = GradientCheck.Module(layer, Input(4, 5, 4));

        errors["input"].ShouldBeGreaterThan(1e-2, $"the planted backward multiplies by W^T instead of W for the input's gradient: {Show(errors)}");
        errors["weight"].ShouldBeLessThan(1e-5, $"the weight's gradient is right in this layer: {Show(errors)}");
    }

    [Fact, Points(3), Step(2)]
    public void The_module_check_finds_a_backward_that_ignores_the_gradient_from_above()
    {
        var layer = HandLinear.WithUpstreamIgnored();
        layer.to(TestDevice.Current);

        var errors = GradientCheck.Module(layer, Input(5, 5, 4));

        errors["weight"].ShouldBeGreaterThan(1e-2,
            $"this layer's weight gradient pretends the gradient from above is all ones; your check did not see it ({Show(errors)}). " +
            "A check through output.sum() sends exactly all ones from above, so it cannot: reduce the output with random weights, " +
            "sum(output * r), to give every output its own gradient (README step 2)");
        errors["input"].ShouldBeLessThan(1e-5, $"the input's gradient is right in this layer: {Show(errors)}");
    }

    [Fact, Points(2), Step(2)]
    public void The_module_check_finds_a_bias_gradient_averaged_instead_of_summed()
    {
        var layer = HandLinear.WithBiasAveraged();
        layer.to(TestDevice.Current);

        var errors = GradientCheck.Module(layer, Input(6, 5, 4));

        errors["bias"].ShouldBeGreaterThan(0.5, $"the bias's gradient is the mean over 5 examples, a fifth of the sum: {Show(errors)}");
    }

    [Fact, Points(1), Step(2)]
    public void The_module_check_leaves_the_parameters_as_they_were_and_refuses_float32()
    {
        var layer = HandLinear.Right(seed: 7);
        layer.to(TestDevice.Current);
        var before = layer.parameters().Select(p => p.detach().clone()).ToList();

        GradientCheck.Module(layer, Input(7, 3, 4));

        foreach (var (p, old) in layer.parameters().Zip(before))
            p.ShouldEqual(old, "the check nudged a parameter and did not put it back exactly: restore every value after measuring");
        var single = Linear(4, 3);
        Should.Throw<ArgumentException>(() => GradientCheck.Module(single, torch.randn(2, 4)),
            "a float32 module cannot be checked: its finite differences keep only a few digits (convert with .to(float64))");
    }

    static string Show(IReadOnlyDictionary<string, double> errors) =>
        string.Join(", ", errors.Select(e => $"{e.Key} {e.Value:G3}"));
}
