using static TorchSharp.torch.nn;
using static TorchSharp.torch.optim;

namespace Katas.MnistCnn;

/// <summary>Training the CNN for an epoch, predicting digits, measuring accuracy.</summary>
public static class Training
{
    public const double LearningRate = 1e-3;

    public static double TrainEpoch(Module<Tensor, Tensor> model, Optimizer optimizer, IEnumerable<Dictionary<string, Tensor>> batches)
    {
        model.train();
        var total = 0.0;
        var count = 0;
        foreach (var batch in batches)
        {
            using var scope = torch.NewDisposeScope(); // frees this step's activations and gradients' temporaries
            optimizer.zero_grad();
            var loss = functional.cross_entropy(model.forward(batch["data"]), batch["label"]);
            loss.backward();
            optimizer.step();
            total += loss.item<float>();
            count++;
        }
        if (count == 0) throw new ArgumentException("The epoch had no batches: is the dataset empty?", nameof(batches));
        return total / count;
    }

    public static Tensor Predict(Module<Tensor, Tensor> model, Tensor images, int batchSize = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        model.eval();
        using var _ = torch.no_grad();
        var classes = new List<Tensor>();
        foreach (var chunk in images.split(batchSize))
        {
            using var scope = torch.NewDisposeScope();
            classes.Add(model.forward(chunk).argmax(dim: 1).cpu().MoveToOuterDisposeScope());
        }
        return torch.cat(classes, dim: 0);
    }

    public static double Accuracy(Tensor predicted, Tensor labels)
    {
        if (!predicted.shape.SequenceEqual(labels.shape))
            throw new ArgumentException(
                $"predicted has shape [{string.Join(", ", predicted.shape)}] but labels [{string.Join(", ", labels.shape)}]: " +
                "accuracy compares one prediction with one label.", nameof(labels));
        return predicted.cpu().eq(labels.cpu()).to(float64).mean().item<double>();
    }
}
