using System.Diagnostics;
using Katas.Bench.Measuring;
using Katas.MnistCnn;

namespace Katas.Bench.Workloads;

/// <summary>Chapter 2: one training epoch of the CNN, the whole split resident as one tensor.</summary>
public static class MnistCnnWorkloads
{
    public static Workload Epoch { get; } = new("cnn-epoch", "02", "CNN, one MNIST epoch (60,000 images, batch 64, Adam)",
        "mnist_cnn.py", "images", settings => new EpochTrial(settings, perItem: false));

    /// <summary>The same epoch fed by the DataLoader item by item (chapter 2's first loader): what step 10 saves.</summary>
    public static Workload EpochPerItem { get; } = new("cnn-epoch-dataloader", "02", "The same epoch through DataLoader(dataset, 64, shuffle): 64 items per batch",
        "mnist_cnn.py", "images", settings => new EpochTrial(settings, perItem: true));

    sealed class EpochTrial(Settings settings, bool perItem) : ITrial
    {
        readonly TrainingImages _data = new(settings);
        readonly torch.Device _device = settings.TorchDevice;
        readonly bool _perItem = perItem;

        public long ItemsPerRun => _data.Count;

        public double Run(int seed)
        {
            torch.manual_seed(seed);
            using var model = new Cnn().to(_device);
            using var optimizer = torch.optim.Adam(model.parameters(), Training.LearningRate);
            var clock = Stopwatch.StartNew();
            if (_perItem)
            {
                // TorchSharp's DataLoader sends each batch to its device (the CPU unless told): here, where the data is.
                using var loader = Loading.Loader(new MnistDataset(_data.Images, _data.Labels), Loading.BatchSize, shuffle: true, seed: seed, device: _device);
                Training.TrainEpoch(model, optimizer, loader);
            }
            else
            {
                Training.TrainEpoch(model, optimizer, Loading.ShuffledBatches(_data.Images, _data.Labels, Loading.BatchSize, seed));
            }
            DeviceClock.Synchronize(_device);
            return clock.Elapsed.TotalSeconds;
        }

        public void Dispose() => _data.Dispose();
    }
}
