using static TorchSharp.torch.nn;

namespace Katas.GpuAndCheckpoints;

/// <summary>State dicts in PyTorch's own file format (torch.save / torch.load), through Kit's PyTorchFile.</summary>
public static class StateDicts
{
    public static void Write(Module model, Stream stream) => PyTorchFile.Save(model.state_dict(), stream);

    public static Dictionary<string, Tensor> Read(Stream stream, string source)
    {
        try
        {
            return PyTorchFile.Load(stream);
        }
        catch (InvalidDataException e)
        {
            throw new CheckpointException(
                $"{source} is not a complete state dict in PyTorch's format: it is truncated or corrupt ({e.Message}) " +
                "Save it again (torch.save(model.state_dict(), path) in Python, StateDicts.Save here), or use an earlier copy.", e);
        }
    }

    public static void Save(Module model, string path) => AtomicFile.Write(path, stream => Write(model, stream));

    public static void Load(Module model, string path)
    {
        if (!File.Exists(path))
            throw new CheckpointException($"There is no state dict at {path}. Check the path, or save one first.");
        using var scope = torch.NewDisposeScope(); // the tensors read are copied into the model, then freed here
        using var stream = File.OpenRead(path);
        var stateDict = Read(stream, path);
        StateDictCheck.Verify(model, stateDict, path);
        model.load_state_dict(stateDict);
    }
}
