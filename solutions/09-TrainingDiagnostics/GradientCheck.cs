using TorchSharp.Modules;

namespace Katas.TrainingDiagnostics;

/// <summary>Step 2: autograd's gradients against central finite differences.</summary>
public static class GradientCheck
{
    public static Tensor Numerical(Func<Tensor, Tensor> f, Tensor x, double h = 1e-6)
    {
        if (x.dtype != float64) throw new ArgumentException($"x is {x.dtype}: finite differences need float64.", nameof(x));
        using var _ = torch.no_grad();
        var point = x.detach().clone();
        var flat = point.view(-1);
        var gradient = torch.zeros_like(point);
        var flatGradient = gradient.view(-1);
        for (var i = 0; i < flat.shape[0]; i++)
        {
            var original = flat[i].item<double>();
            flat[i] = original + h;
            var plus = f(point).item<double>();
            flat[i] = original - h;
            var minus = f(point).item<double>();
            flat[i] = original;
            flatGradient[i] = (plus - minus) / (2 * h);
        }
        return gradient;
    }

    public static double RelativeError(Tensor analytic, Tensor numerical)
    {
        using var scope = torch.NewDisposeScope();
        var a = analytic.detach().to(float64);
        var n = numerical.detach().to(float64);
        var scale = torch.maximum(a.abs(), n.abs()).clamp_min(double.Epsilon);
        return ((a - n).abs() / scale).max().item<double>();
    }

    public static double Function(Func<Tensor, Tensor> f, Tensor x, double h = 1e-6)
    {
        var point = x.detach().clone().requires_grad_();
        f(point).backward();
        return RelativeError(point.grad!, Numerical(f, x, h));
    }

    public static IReadOnlyDictionary<string, double> Module(torch.nn.Module<Tensor, Tensor> module, Tensor input, int seed = 0, double h = 1e-6)
    {
        if (input.dtype != float64 || module.parameters().Any(p => p.dtype != float64))
            throw new ArgumentException("the module and its input must be float64: finite differences need float64.", nameof(input));
        // A random weight for every output, so that the check sees each output's own gradient:
        // a plain sum would pass a backward that ignores the gradient flowing into it.
        Tensor upstream;
        using (torch.no_grad())
            upstream = torch.randn(module.forward(input).shape, dtype: float64, generator: new torch.Generator((ulong)seed)).to(input.device);
        Tensor Scalar(Tensor x) => (module.forward(x) * upstream).sum();

        module.zero_grad();
        var x = input.detach().clone().requires_grad_();
        Scalar(x).backward();
        var errors = new Dictionary<string, double> { ["input"] = RelativeError(x.grad!, Numerical(Scalar, input, h)) };
        foreach (var (name, parameter) in module.named_parameters())
        {
            var original = parameter.detach().clone();
            var numerical = Numerical(value => { parameter.copy_(value); return Scalar(input); }, original, h);
            using (torch.no_grad()) parameter.copy_(original);
            errors[name] = RelativeError(parameter.grad!, numerical);
        }
        module.zero_grad();
        return errors;
    }
}
