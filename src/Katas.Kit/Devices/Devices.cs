using TorchSharp;

namespace Katas.Kit;

/// <summary>
/// Where tensors and models live. The environment variable KATAS_DEVICE decides:
/// <c>cpu</c>, <c>cuda</c> (fails clearly when there is no GPU) or <c>auto</c> (the default: CUDA when
/// available, else the CPU) — the C# spelling of PyTorch's
/// <c>torch.device("cuda" if torch.cuda.is_available() else "cpu")</c>.
/// </summary>
public static class Devices
{
    public const string Variable = Variables.Device;

    /// <summary>The device chosen by KATAS_DEVICE on this machine.</summary>
    public static torch.Device Choose()
    {
        TorchRuntime.EnsureLoaded();
        return torch.device(Resolve(Environment.GetEnvironmentVariable(Variable), torch.cuda.is_available()));
    }

    /// <summary>True when a CUDA device can be used.</summary>
    public static bool CudaAvailable
    {
        get
        {
            if (!TorchRuntime.TryLoad(out _)) return false;
            return torch.cuda.is_available();
        }
    }

    /// <summary>The decision itself, free of the machine: "cpu" or "cuda".</summary>
    public static string Resolve(string? requested, bool cudaAvailable)
    {
        var wanted = string.IsNullOrWhiteSpace(requested) ? "auto" : requested.Trim().ToLowerInvariant();
        return wanted switch
        {
            "cpu" => "cpu",
            "auto" => cudaAvailable ? "cuda" : "cpu",
            "cuda" or "gpu" when cudaAvailable => "cuda",
            "cuda" or "gpu" => throw new InvalidOperationException(
                $"{Variable}=cuda, but no CUDA device is available to TorchSharp. Either this machine has no NVIDIA GPU/driver, " +
                "or the katas were built with the cpu backend. Fix: build with -p:TorchBackend=cuda (or external with a CUDA " +
                $"libtorch), or set {Variable}=cpu or auto."),
            _ => throw new ArgumentException($"{Variable}={requested} is not a device: use cpu, cuda or auto.", nameof(requested)),
        };
    }
}
