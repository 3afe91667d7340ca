using static TorchSharp.torch.optim;

namespace Katas.SimpleClassifier;

/// <summary>Training and testing the network of chapter 1.</summary>
public static class Training
{
    public static float TrainStep(Net model, Optimizer optimizer, Tensor x, Tensor y)
    {
        model.train();
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(model.forward(x), y);
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }

    public static float[] Fit(Net model, Tensor x, Tensor y, int steps, double learningRate = 0.02)
    {
        using var optimizer = SGD(model.parameters(), learningRate);
        var losses = new float[steps];
        for (var step = 0; step < steps; step++)
        {
            using var scope = torch.NewDisposeScope();
            losses[step] = TrainStep(model, optimizer, x, y);
        }
        return losses;
    }

    public static Tensor Predict(Net model, Tensor x)
    {
        model.eval();
        using var _ = torch.no_grad();
        return model.forward(x).argmax(dim: 1).cpu();
    }

    public static double Accuracy(Net model, Tensor x, Tensor y)
    {
        using var predicted = Predict(model, x);
        return predicted.eq(y.cpu()).to(float64).mean().item<double>();
    }
}
