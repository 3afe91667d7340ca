using TorchSharp.PyBridge;
using static TorchSharp.torch.nn;

namespace Katas.GpuAndCheckpoints;

/// <summary>State dicts in PyTorch's own file format (torch.save / torch.load), through TorchSharp.PyBridge.</summary>
public static class StateDicts
{
    public static void Write(Module model, Stream stream) => model.save_py(stream, leaveOpen: true);

    public static Dictionary<string, Tensor> Read(Stream stream, string source)
    {
        try
        {
            var table = PyTorchUnpickler.UnpickleStateDict(stream, leaveOpen: true);
            return table.Keys.Cast<string>().ToDictionary(name => name, name => (Tensor)table[name]!);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or InvalidCastException or KeyNotFoundException
                                   or NotSupportedException or ArgumentException or Razorvine.Pickle.PickleException)
        {
            throw new CheckpointException(
                $"{source} is not a complete state dict in PyTorch's format: it is truncated or corrupt ({e.Message}). " +
                "Save it again (torch.save(model.state_dict(), path) in Python, StateDicts.Save here), or use an earlier copy.", e);
        }
    }

    public static void Save(Module model, string path) => AtomicFile.Write(path, stream => Write(model, stream));

    public static void Load(Module model, string path)
    {
        if (!File.Exists(path))
            throw new CheckpointException($"There is no state dict at {path}. Check the path, or save one first.");
        using var stream = File.OpenRead(path);
        var stateDict = Read(stream, path);
        StateDictCheck.Verify(model, stateDict, path);
        model.load_state_dict(stateDict);
    }
}
