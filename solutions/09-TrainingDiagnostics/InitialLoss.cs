using static TorchSharp.torch.nn;

namespace Katas.TrainingDiagnostics;

/// <summary>What <see cref="InitialLoss.Check"/> measured.</summary>
public sealed record InitCheck(double Loss, double Expected, bool Sane);

/// <summary>Step 1: the loss of an untrained classifier.</summary>
public static class InitialLoss
{
    public static double Expected(int classes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        return Math.Log(classes);
    }

    public static InitCheck Check(Module<Tensor, Tensor> model, Tensor x, Tensor y, int classes,
        Func<Tensor, Tensor, Tensor>? loss = null, double tolerance = 0.2)
    {
        var expected = Expected(classes);
        loss ??= (scores, labels) => functional.cross_entropy(scores, labels);
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var scope = torch.NewDisposeScope();
            using var _ = torch.no_grad();
            var measured = loss(model.forward(x), y).to(float64).item<double>();
            return new InitCheck(measured, expected, Math.Abs(measured - expected) <= tolerance * expected);
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}
