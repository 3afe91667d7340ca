using Katas.Kit.Data;
using static TorchSharp.torch.nn;
using static TorchSharp.torch.optim;

namespace Katas.Vgg;

/// <summary>
/// Given to you (not an exercise): chapter 2's training loop, plus a learning-rate schedule. A VGG
/// trains like any other network; what this chapter changes is how the network is built.
/// </summary>
public static class Training
{
    /// <summary>
    /// One pass over (images, labels) in shuffled mini-batches; returns the mean loss. A scheduler, if
    /// given, moves the learning rate after every step.
    /// </summary>
    public static float TrainEpoch(Module<Tensor, Tensor> model, Optimizer optimizer, Tensor images, Tensor labels,
        int batchSize, torch.Generator shuffle, lr_scheduler.LRScheduler? scheduler = null)
    {
        model.train();
        // Drawn on the CPU, where the generator lives (the same order on every device), used where the images are.
        var order = torch.randperm(images.shape[0], generator: shuffle).to(images.device);
        var total = 0.0;
        var batches = 0;
        for (long start = 0; start < images.shape[0]; start += batchSize)
        {
            // Everything made in this step (batch, activations, gradients' graph) is freed at its end.
            using var scope = torch.NewDisposeScope();
            var index = order.narrow(0, start, Math.Min(batchSize, images.shape[0] - start));
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.forward(images[index]), labels[index]);
            loss.backward();
            optimizer.step();
            scheduler?.step();
            total += loss.item<float>();
            batches++;
        }
        return (float)(total / batches);
    }

    /// <summary>The fraction of images classified right, in eval mode, without gradients.</summary>
    public static double Accuracy(Module<Tensor, Tensor> model, Tensor images, Tensor labels, int batchSize = 1000)
    {
        model.eval();
        using var _ = torch.no_grad();
        long right = 0;
        for (long start = 0; start < images.shape[0]; start += batchSize)
        {
            using var scope = torch.NewDisposeScope();
            var length = Math.Min(batchSize, images.shape[0] - start);
            var predicted = model.forward(images.narrow(0, start, length)).argmax(1);
            right += predicted.eq(labels.narrow(0, start, length)).sum().item<long>();
        }
        return right / (double)images.shape[0];
    }

    /// <summary>
    /// Trains on the first <paramref name="trainCount"/> training images for <paramref name="epochs"/>
    /// epochs with Adam and a one-cycle schedule (the learning rate rises to <paramref name="maxLearningRate"/>,
    /// then falls to almost 0: fast progress first, fine adjustment at the end). The shuffles come
    /// from <paramref name="seed"/>. Returns each epoch's mean loss.
    /// </summary>
    public static float[] Fit(Module<Tensor, Tensor> model, MnistSplit train, int trainCount, int epochs,
        int seed, int batchSize = 128, double maxLearningRate = 0.01)
    {
        ArgumentNullException.ThrowIfNull(train);
        var count = Math.Min(trainCount, train.Count);
        var images = train.Images.narrow(0, 0, count);
        var labels = train.Labels.narrow(0, 0, count);
        using var optimizer = Adam(model.parameters(), maxLearningRate);
        var stepsPerEpoch = (int)((count + batchSize - 1) / batchSize);
        var schedule = lr_scheduler.OneCycleLR(optimizer, max_lr: maxLearningRate, total_steps: epochs * stepsPerEpoch);
        using var shuffle = new torch.Generator((ulong)seed);
        var losses = new float[epochs];
        for (var epoch = 0; epoch < epochs; epoch++)
            losses[epoch] = TrainEpoch(model, optimizer, images, labels, batchSize, shuffle, schedule);
        return losses;
    }
}
