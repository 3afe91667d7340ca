namespace Katas.TrainingDiagnostics.Tests;

public class SwishTests
{
    static Tensor Input(int seed, params long[] shape) =>
        (torch.randn(shape, dtype: float64, generator: new torch.Generator((ulong)seed)) * 3).to(TestDevice.Current);

    [Fact, Points(1), Step(3)]
    public void Forward_is_x_times_sigmoid_of_x()
    {
        var x = Input(0, 4, 5);

        using var y = SwishFunction.apply(x);

        y.ShouldBeClose(x * x.sigmoid(), rtol: 1e-12, atol: 1e-12, "swish(x) = x * sigmoid(x), element by element");
        y.ShouldBeOn(TestDevice.Current, "the result lives where x lives");
    }

    [Fact, Points(3), Step(3)]
    public void Backward_equals_autograds_gradient_for_any_gradient_from_above()
    {
        var x = Input(1, 4, 5).requires_grad_();
        var reference = x.detach().clone().requires_grad_();
        var upstream = Input(2, 4, 5);

        (SwishFunction.apply(x) * upstream).sum().backward();
        (reference * reference.sigmoid() * upstream).sum().backward();

        x.grad!.ShouldBeClose(reference.grad!, rtol: 1e-9, atol: 1e-12,
            "backward gets dL/dy and returns dL/dx = dL/dy * (s + x s (1 - s)), s = sigmoid(x): the derivative of x * s by the " +
            "product rule, multiplied by the gradient from above. s (1 - s) alone is sigmoid's derivative, not swish's; forgetting " +
            "the gradient from above is right only when it is all ones (README step 3)");
    }

    [Fact, Points(2), Step(3)]
    public void Your_gradient_check_passes_your_swish()
    {
        var x = Input(3, 8);
        var weights = Input(4, 8);

        var error = GradientCheck.Function(v => (SwishFunction.apply(v) * weights).sum(), x);

        error.ShouldBeLessThan(1e-6,
            $"your gradient check finds your swish's backward off by a relative {error:G3}: in float64 a right backward agrees " +
            "to about 1e-9 with central differences. Fix the backward (or the check, if the previous test passes)");
    }

    [Fact, Points(1), Step(3)]
    public void Swish_works_in_float32_inside_a_network()
    {
        Seeding.Seed(5);
        var linear = torch.nn.Linear(6, 3);
        linear.to(TestDevice.Current);
        var x = torch.randn(10, 6).to(TestDevice.Current);

        SwishFunction.apply(linear.forward(x)).sum().backward();

        linear.weight!.grad.ShouldNotBeNull("the gradient flows through swish back into the layer before it");
        linear.weight.grad!.dtype.ShouldBe(float32);
        linear.weight.grad.abs().sum().item<float>().ShouldBeGreaterThan(0f);
    }
}
