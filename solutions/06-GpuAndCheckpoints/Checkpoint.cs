using System.Text.Json;
using TorchSharp.Modules;
using TorchSharp.PyBridge;

namespace Katas.GpuAndCheckpoints;

/// <summary>What a checkpoint records besides the weights: what to build, and how far training got.</summary>
public sealed record CheckpointInfo(string Kind, MlpSpec HyperParameters, int Epoch);

/// <summary>The whole model in a file (what to build + weights), and resumable training (+ optimizer state, epoch).</summary>
public static class Checkpoint
{
    const string InfoPart = "checkpoint.json", ModelPart = "model.pt", OptimizerPart = "optimizer.pt";

    public static void Save(string path, Mlp model, OptimizerHelper? optimizer = null, int epoch = 0) =>
        AtomicFile.Write(path, stream => Write(stream, model, optimizer, epoch));

    public static void Write(Stream stream, Mlp model, OptimizerHelper? optimizer = null, int epoch = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        var parts = new Dictionary<string, byte[]>
        {
            [InfoPart] = JsonSerializer.SerializeToUtf8Bytes(new CheckpointInfo(Mlp.Kind, model.Spec, epoch)),
            [ModelPart] = Bytes(s => StateDicts.Write(model, s)),
        };
        if (optimizer is not null)
            parts[OptimizerPart] = Bytes(s => optimizer.save_py(s, leaveOpen: true));
        CheckpointArchive.Write(stream, parts);
    }

    public static Mlp LoadModel(string path, torch.Device? device = null)
    {
        var (info, parts) = Open(path);
        var model = new Mlp(info.HyperParameters);
        LoadWeights(model, parts, path);
        if (device is not null) model.to(device);
        return model;
    }

    public static int Resume(string path, Mlp model, OptimizerHelper optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        var (info, parts) = Open(path);
        LoadWeights(model, parts, path);
        if (!parts.TryGetValue(OptimizerPart, out var optimizerState))
            throw new CheckpointException(
                $"{path} holds no optimizer state: it was saved for inference (Checkpoint.Save without an optimizer). " +
                "To resume training, save checkpoints with the optimizer and the epoch.");
        optimizer.load_py(new MemoryStream(optimizerState));
        optimizer.to(model.fc1.weight!.device); // the state comes as CPU tensors; it must live where the parameters do
        return info.Epoch;
    }

    static (CheckpointInfo Info, IReadOnlyDictionary<string, byte[]> Parts) Open(string path)
    {
        var parts = CheckpointArchive.Read(path);
        if (!parts.TryGetValue(InfoPart, out var infoBytes) || !parts.ContainsKey(ModelPart))
            throw new CheckpointException($"{path} is not a model checkpoint: it needs the parts {InfoPart} and {ModelPart}.");
        var info = JsonSerializer.Deserialize<CheckpointInfo>(infoBytes)
            ?? throw new CheckpointException($"{path}: {InfoPart} is empty.");
        if (info.Kind != Mlp.Kind)
            throw new CheckpointException(
                $"{path} holds a model of kind '{info.Kind}'; this program can build: {Mlp.Kind}. Load it with the program that saved it.");
        return (info, parts);
    }

    static void LoadWeights(Mlp model, IReadOnlyDictionary<string, byte[]> parts, string path)
    {
        var source = $"{path} ({ModelPart})";
        var stateDict = StateDicts.Read(new MemoryStream(parts[ModelPart]), source);
        StateDictCheck.Verify(model, stateDict, source);
        model.load_state_dict(stateDict);
    }

    static byte[] Bytes(Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        return buffer.ToArray();
    }
}
