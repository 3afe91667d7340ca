using System.Diagnostics;
using System.Globalization;
using Google.Protobuf;
using Tensorboard;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Kit.TensorBoard;

#pragma warning disable CA1707 // PyTorch's names (add_scalar, add_graph, ...), spelled as TorchSharp spells them.

/// <summary>
/// PyTorch's <c>torch.utils.tensorboard.SummaryWriter</c> for TorchSharp: writes one events file in
/// <see cref="LogDir"/> that <c>tensorboard --logdir</c> reads. Images are encoded by TorchSharp's own
/// summary code, and any TorchSharp summary can be added (<see cref="add_summary"/>); what TorchSharp's
/// writer lacks is added here: <see cref="add_graph"/>, <see cref="add_hparams"/>, <see cref="flush"/>,
/// <see cref="close"/> and <see cref="IDisposable"/>. (TorchSharp's writer cannot be extended instead:
/// it keeps its file name private and reopens the file for every event, so a graph or flush/close
/// could only live in a second file, which TensorBoard reads late or not at all while a run is live.)
/// </summary>
/// <remarks>
/// Like PyTorch's writer it keeps the file open and buffers: events reach the file after
/// <c>maxQueue</c> events or <c>flushSecs</c> seconds, on <see cref="flush"/>,
/// and on <see cref="close"/>/<see cref="Dispose"/> (so write <c>using var writer = new SummaryWriter(dir);</c>).
/// Wall times are seconds since 1970 as TensorBoard expects. Safe to call from several threads.
/// </remarks>
public sealed class SummaryWriter : IDisposable
{
    /// <summary>What the first event of every events file says (TensorBoard's current format).</summary>
    public const string FileVersion = "brain.Event:2";

    static int _uid;
    readonly Lock _gate = new();
    readonly FileStream _file;
    readonly int _maxQueue;
    readonly long _flushEveryTicks;
    long _lastFlush;
    int _pending;
    bool _closed;

    /// <param name="logDir">The run's folder (created if needed). TensorBoard shows one run per folder.</param>
    /// <param name="maxQueue">Events kept in memory before they are written out (PyTorch's default: 10).</param>
    /// <param name="flushSecs">Seconds after which pending events are written out at the next add (PyTorch: 120).</param>
    /// <param name="filenameSuffix">Appended to the events file's name.</param>
    public SummaryWriter(string logDir, int maxQueue = 10, double flushSecs = 120, string filenameSuffix = "")
    {
        if (string.IsNullOrWhiteSpace(logDir))
            throw new ArgumentException("A SummaryWriter needs a log directory, e.g. runs/experiment1: TensorBoard shows each folder as one run.", nameof(logDir));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxQueue);
        ArgumentOutOfRangeException.ThrowIfNegative(flushSecs);
        _maxQueue = maxQueue;
        _flushEveryTicks = (long)(flushSecs * Stopwatch.Frequency);
        LogDir = Path.GetFullPath(logDir);
        Directory.CreateDirectory(LogDir);
        // PyTorch's naming: events.out.tfevents.<seconds>.<host>.<pid>.<n>. TensorBoard only needs "tfevents".
        var name = string.Create(CultureInfo.InvariantCulture,
            $"events.out.tfevents.{DateTimeOffset.UtcNow.ToUnixTimeSeconds():D10}.{Environment.MachineName}.{Environment.ProcessId}.{Interlocked.Increment(ref _uid)}{filenameSuffix}");
        FilePath = Path.Combine(LogDir, name);
        _file = new FileStream(FilePath, FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete, 1 << 16);
        Write(new Event { WallTime = Now(), FileVersion = FileVersion });
        flush();
    }

    /// <summary>The run's folder.</summary>
    public string LogDir { get; }

    /// <summary>The events file this writer appends to.</summary>
    public string FilePath { get; }

    /// <summary>One point of the curve <paramref name="tag"/> (PyTorch: <c>writer.add_scalar("Train/Loss", loss, step)</c>).</summary>
    /// <param name="walltime">Seconds since 1970; default now.</param>
    public void add_scalar(string tag, double scalarValue, long globalStep = 0, double? walltime = null)
    {
        var summary = new Summary();
        summary.Value.Add(new Summary.Types.Value { Tag = CheckTag(tag), SimpleValue = (float)scalarValue });
        add_summary(summary, globalStep, walltime);
    }

    /// <summary>
    /// One image, [C, H, W] by default (<paramref name="dataformats"/> "HWC" or "HW" for others), float
    /// in [0, 1] or byte in [0, 255]. For a batch, make one picture first:
    /// <c>torchvision.utils.make_grid(batch)</c>.
    /// </summary>
    public void add_image(string tag, Tensor imgTensor, long globalStep = 0, string dataformats = "CHW", double? walltime = null)
    {
        ArgumentNullException.ThrowIfNull(imgTensor);
        CheckTag(tag);
        if (imgTensor.dim() == 4)
            throw new ArgumentException(
                $"add_image logs one image, but this tensor is a batch of {imgTensor.shape[0]} ([{string.Join(", ", imgTensor.shape)}]). " +
                "Put the batch into one picture first: torchvision.utils.make_grid(batch) gives a [3, H, W] grid (what PyTorch's add_images does).",
                nameof(imgTensor));
        if (dataformats.Length != imgTensor.dim())
            throw new ArgumentException(
                $"dataformats \"{dataformats}\" names {dataformats.Length} dimensions, but the image has {imgTensor.dim()} " +
                $"([{string.Join(", ", imgTensor.shape)}]): use \"CHW\" for [channels, height, width], \"HWC\" or \"HW\".",
                nameof(dataformats));
        using var scope = torch.NewDisposeScope();
        add_summary(torch.utils.tensorboard.Summary.image(tag, imgTensor.detach().cpu(), 1, dataformats), globalStep, walltime);
    }

    /// <summary>
    /// The model's structure for TensorBoard's Graphs tab: runs <paramref name="inputToModel"/> through
    /// the model once and records its layers and data flow (see <see cref="ModelGraph"/>).
    /// </summary>
    public void add_graph(nn.Module<Tensor, Tensor> model, Tensor inputToModel)
    {
        ThrowIfClosed();
        var graph = ModelGraph.Build(model, inputToModel);
        Write(new Event { WallTime = Now(), GraphDef = graph.ToByteString() });
    }

    /// <summary>
    /// Hyper-parameters and the metrics they led to, for TensorBoard's HParams tab. As in PyTorch, they
    /// go to a run of their own, the sub-folder <paramref name="runName"/> (default: the current time),
    /// and each metric is also logged there as a scalar at <paramref name="globalStep"/>. Use metric
    /// tags that are not your training curves' tags (e.g. "hparam/accuracy").
    /// </summary>
    /// <param name="hparamDict">Name to value: numbers, strings or bools; null values are left out.</param>
    /// <param name="metricDict">Metric tag to final value.</param>
    public void add_hparams(IReadOnlyDictionary<string, object?> hparamDict, IReadOnlyDictionary<string, double> metricDict,
        string? runName = null, long globalStep = 0)
    {
        ArgumentNullException.ThrowIfNull(metricDict);
        ThrowIfClosed();
        var now = Now();
        var (experiment, start, end) = HParams.Summaries(hparamDict, metricDict.Keys);
        runName ??= now.ToString("F6", CultureInfo.InvariantCulture);
        if (string.IsNullOrWhiteSpace(runName) || Path.IsPathRooted(runName) || runName.Split('/', '\\').Contains(".."))
            throw new ArgumentException($"runName \"{runName}\" must name a sub-folder of {LogDir}, e.g. \"lr=0.01\".", nameof(runName));
        using var run = new SummaryWriter(Path.Combine(LogDir, runName));
        run.add_summary(experiment, globalStep, now);
        run.add_summary(start, globalStep, now);
        run.add_summary(end, globalStep, now);
        foreach (var (tag, value) in metricDict)
            run.add_scalar(tag, value, globalStep, now);
    }

    /// <summary>Any summary, e.g. one made by TorchSharp's <c>torch.utils.tensorboard.Summary.histogram</c>.</summary>
    public void add_summary(Summary summary, long globalStep = 0, double? walltime = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        Write(new Event { WallTime = walltime ?? Now(), Step = globalStep, Summary = summary });
    }

    /// <summary>Writes every pending event to the file, so that TensorBoard (or a test) can read it now.</summary>
    public void flush()
    {
        lock (_gate)
        {
            ThrowIfClosed();
            FlushLocked();
        }
    }

    /// <summary>Flushes and closes the file. Closing twice is fine; adding after closing is an error.</summary>
    public void close()
    {
        lock (_gate)
        {
            if (_closed) return;
            FlushLocked();
            _file.Dispose();
            _closed = true;
        }
    }

    /// <summary>The same as <see cref="close"/>.</summary>
    public void Dispose() => close();

    void Write(Event e)
    {
        var payload = e.ToByteArray();
        lock (_gate)
        {
            ThrowIfClosed();
            TfRecord.Write(_file, payload);
            if (++_pending >= _maxQueue || Stopwatch.GetTimestamp() - _lastFlush >= _flushEveryTicks) FlushLocked();
        }
    }

    void FlushLocked()
    {
        _file.Flush();
        _pending = 0;
        _lastFlush = Stopwatch.GetTimestamp();
    }

    void ThrowIfClosed()
    {
        if (_closed)
            throw new ObjectDisposedException(nameof(SummaryWriter),
                $"This SummaryWriter ({FilePath}) is closed: log everything before close()/Dispose(), or open a new writer.");
    }

    static string CheckTag(string tag) => string.IsNullOrWhiteSpace(tag)
        ? throw new ArgumentException("A summary needs a tag, such as \"Train/Loss\": TensorBoard draws one chart per tag, grouped by the part before '/'.", nameof(tag))
        : tag;

    static double Now() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalSeconds;
}
