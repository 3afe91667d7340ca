using static TorchSharp.torch.optim;

namespace Katas.RnnLstm;

/// <summary>Training and testing the row-by-row LSTM on MNIST.</summary>
public static class Classification
{
    public static float TrainEpoch(RowLstm model, Optimizer optimizer, Tensor images, Tensor labels, int batchSize,
        lr_scheduler.LRScheduler? schedule = null, double clipNorm = 0)
    {
        model.train();
        using var order = torch.randperm(images.shape[0], device: images.device); // indices where the images are
        var total = 0.0;
        var batches = 0;
        for (long start = 0; start < images.shape[0]; start += batchSize)
        {
            using var scope = torch.NewDisposeScope();
            var index = order.narrow(0, start, Math.Min(batchSize, images.shape[0] - start));
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.forward(images[index]), labels[index]);
            loss.backward();
            // An LSTM's gradient can spike when it flows back through many time steps: cap its norm.
            if (clipNorm > 0) nn.utils.clip_grad_norm_(model.parameters(), clipNorm);
            optimizer.step();
            schedule?.step();
            total += loss.item<float>();
            batches++;
        }
        return (float)(total / batches);
    }

    public static float[] Fit(RowLstm model, Tensor images, Tensor labels, int epochs, int batchSize, double maxLearningRate, double clipNorm)
    {
        using var optimizer = Adam(model.parameters(), maxLearningRate);
        var stepsPerEpoch = (int)((images.shape[0] + batchSize - 1) / batchSize);
        // One cycle: the learning rate climbs to its peak for 30 % of the steps, then anneals to ~0.
        var schedule = lr_scheduler.OneCycleLR(optimizer, maxLearningRate, total_steps: epochs * stepsPerEpoch);
        var losses = new float[epochs];
        for (var epoch = 0; epoch < epochs; epoch++)
            losses[epoch] = TrainEpoch(model, optimizer, images, labels, batchSize, schedule, clipNorm);
        return losses;
    }

    public static double Accuracy(RowLstm model, Tensor images, Tensor labels, int batchSize = 1000)
    {
        model.eval();
        using var _ = torch.no_grad();
        long correct = 0;
        for (long start = 0; start < images.shape[0]; start += batchSize)
        {
            using var scope = torch.NewDisposeScope();
            var count = Math.Min(batchSize, images.shape[0] - start);
            var predicted = model.forward(images.narrow(0, start, count)).argmax(1);
            correct += predicted.eq(labels.narrow(0, start, count)).sum().item<long>();
        }
        return correct / (double)images.shape[0];
    }
}
