using System.Diagnostics;
using Katas.Bench.Measuring;
using Katas.RnnLstm;

namespace Katas.Bench.Workloads;

/// <summary>Chapter 7: an epoch of the row-by-row LSTM, and the whole sin -> cos fit.</summary>
public static class RnnLstmWorkloads
{
    /// <summary>The chapter's sizes: LSTM(28 -> 96), batch 128, gradients clipped at norm 1.</summary>
    public const int Hidden = 96;
    public const int BatchSize = 128;

    public static Workload Epoch { get; } = new("lstm-epoch", "07", "LSTM(28->96) on MNIST rows, one epoch (batch 128, Adam)",
        "rnn_lstm.py", "images", settings => new EpochTrial(settings));

    public static Workload SinCosFit { get; } = new("sincos-fit", "07", "RNN(1->32) sin->cos, the chapter's recipe (300 steps of 16x10)",
        "rnn_lstm.py", "steps", settings => new SinCosTrial(settings));

    sealed class EpochTrial(Settings settings) : ITrial
    {
        readonly TrainingImages _data = new(settings);
        readonly torch.Device _device = settings.TorchDevice;

        public long ItemsPerRun => _data.Count;

        public double Run(int seed)
        {
            torch.manual_seed(seed);
            using var model = new RowLstm(Hidden).to(_device);
            using var optimizer = torch.optim.Adam(model.parameters(), 1e-3);
            var clock = Stopwatch.StartNew();
            Classification.TrainEpoch(model, optimizer, _data.Images, _data.Labels, BatchSize, clipNorm: 1);
            DeviceClock.Synchronize(_device);
            return clock.Elapsed.TotalSeconds;
        }

        public void Dispose() => _data.Dispose();
    }

    sealed class SinCosTrial(Settings settings) : ITrial
    {
        readonly SinCosRecipe _recipe = settings.Quick ? SinCosRecipe.Stable with { Steps = 20 } : SinCosRecipe.Stable;
        readonly torch.Device _device = settings.TorchDevice;

        public long ItemsPerRun => _recipe.Steps;

        public double Run(int seed)
        {
            torch.manual_seed(seed);
            using var model = new SinCosNet().to(_device); // Fit makes its windows where the model is
            var clock = Stopwatch.StartNew();
            SinCosTraining.Fit(model, _recipe);
            DeviceClock.Synchronize(_device);
            return clock.Elapsed.TotalSeconds;
        }

        public void Dispose() { }
    }
}
