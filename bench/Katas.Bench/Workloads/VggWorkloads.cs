using System.Diagnostics;
using Katas.Bench.Measuring;
using Katas.GpuAndCheckpoints;
using Katas.Kit;
using Katas.Vgg;

namespace Katas.Bench.Workloads;

/// <summary>Chapters 5 and 6: VGG-16 predicting one 224 x 224 image, and its state dict saved and loaded.</summary>
public static class VggWorkloads
{
    public static Workload Forward { get; } = new("vgg16-forward", "05", "VGG-16 forward, one 3x224x224 image (eval, no_grad)",
        "vgg.py", null, settings => new ForwardTrial(settings));

    const string CheckpointOnCpu = "a checkpoint is written from CPU memory and read back into it (both sides), the GPU plays no part";

    /// <summary>
    /// Chapter 6's save as it is: a temporary file, flushed to disk (fsync), renamed over the target;
    /// the peer does the same by hand around torch.save (temporary file, flush, os.fsync, os.replace).
    /// </summary>
    public static Workload Checkpoint { get; } = new("vgg16-checkpoint", "06",
        "VGG-16 state dict (528 MB) saved durably (temporary file, fsync, rename) and loaded, PyTorch's format",
        "vgg.py", null, settings => new CheckpointTrial(settings, durable: true))
    {
        CpuOnly = CheckpointOnCpu,
    };

    /// <summary>The same without the fsync and the rename: what a plain torch.save(state_dict, path) does.</summary>
    public static Workload CheckpointNoFsync { get; } = new("vgg16-checkpoint-nofsync", "06",
        "VGG-16 state dict (528 MB) saved as torch.save saves it (no fsync) and loaded, PyTorch's format",
        "vgg.py", null, settings => new CheckpointTrial(settings, durable: false))
    {
        CpuOnly = CheckpointOnCpu,
    };

    /// <summary>VGG-16 as torchvision builds it; in quick mode a narrow classifier keeps the file small.</summary>
    static Vgg.Vgg Create(Settings settings) =>
        settings.Quick ? new Vgg.Vgg(VggConfigs.Vgg16, hidden: 64) : new Vgg.Vgg(VggConfigs.Vgg16);

    sealed class ForwardTrial : ITrial
    {
        readonly Vgg.Vgg _model;
        readonly Tensor _image;
        readonly torch.Device _device;

        public ForwardTrial(Settings settings)
        {
            _device = settings.TorchDevice;
            torch.manual_seed(0);
            _model = Create(settings).to(_device);
            _model.eval();
            _image = torch.randn(1, 3, 224, 224).to(_device);
        }

        public long ItemsPerRun => 0;

        public double Run(int seed)
        {
            using var _ = torch.no_grad();
            var clock = Stopwatch.StartNew();
            using var scores = _model.forward(_image);
            DeviceClock.Synchronize(_device);
            return clock.Elapsed.TotalSeconds;
        }

        public void Dispose()
        {
            _image.Dispose();
            _model.Dispose();
        }
    }

    sealed class CheckpointTrial : ITrial
    {
        readonly Vgg.Vgg _model;
        readonly bool _durable;
        readonly string _path = RepoPaths.Output("bench", "vgg16.pt");

        public CheckpointTrial(Settings settings, bool durable)
        {
            torch.manual_seed(0);
            _model = Create(settings); // checkpoints are written from and read into CPU memory
            _durable = durable;
        }

        public long ItemsPerRun => 0;

        public double Run(int seed)
        {
            var clock = Stopwatch.StartNew();
            if (_durable)
            {
                StateDicts.Save(_model, _path); // AtomicFile: temporary file, Flush(flushToDisk: true), rename
            }
            else
            {
                using var file = new FileStream(_path, FileMode.Create, FileAccess.Write, FileShare.None);
                StateDicts.Write(_model, file);
            }
            StateDicts.Load(_model, _path);
            var seconds = clock.Elapsed.TotalSeconds;
            // Untimed, as the peer does: else the next save's rename over this file would free its
            // 528 MB of page cache inside the timed part, work the peer's save never does.
            File.Delete(_path);
            return seconds;
        }

        public void Dispose()
        {
            _model.Dispose();
            File.Delete(_path);
        }
    }
}
