using Katas.Kit.Data;
using Katas.Kit.TensorBoard;
using static TorchSharp.torch.optim;

namespace Katas.TensorBoard;

/// <summary>Training the CNN while TensorBoard watches.</summary>
public static class Training
{
    public const string LossTag = "Train/Loss";
    public const string AccuracyTag = "Train/Accuracy";
    public const int AccuracyEvery = 50;

    public static float TrainStep(Cnn model, Optimizer optimizer, Tensor images, Tensor labels)
    {
        model.train();
        optimizer.zero_grad();
        using var loss = nn.functional.cross_entropy(model.call(images), labels);
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }

    public static double Accuracy(Cnn model, Tensor images, Tensor labels)
    {
        model.eval();
        using var _ = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var predicted = model.call(images).argmax(dim: 1);
        return predicted.eq(labels).to(float64).mean().item<double>();
    }

    public static float[] Fit(Cnn model, SummaryWriter writer, MnistSplit train, MnistSplit heldOut,
        int steps, int batchSize = 64, double learningRate = 0.001)
    {
        using var optimizer = Adam(model.parameters(), learningRate);
        var losses = new float[steps];
        var batches = (int)(train.Count / batchSize);
        for (var step = 0; step < steps; step++)
        {
            using var scope = torch.NewDisposeScope();
            var start = step % batches * batchSize;
            var images = train.Images[start..(start + batchSize)];
            var labels = train.Labels[start..(start + batchSize)];
            losses[step] = TrainStep(model, optimizer, images, labels);
            writer.add_scalar(LossTag, losses[step], step);
            if (step % AccuracyEvery == 0)
                writer.add_scalar(AccuracyTag, Accuracy(model, heldOut.Images, heldOut.Labels), step);
        }
        return losses;
    }
}
