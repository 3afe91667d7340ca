using System.Reflection;
using System.Runtime.InteropServices;
using TorchSharp;

namespace Katas.Kit;

/// <summary>
/// Loads TorchSharp's native library once, and turns the ways that can fail into one short message
/// that names the cause and the fix (instead of TorchSharp's page-long native trace).
/// </summary>
public static class TorchRuntime
{
    /// <summary>Environment variable naming a libtorch folder (the <c>external</c> backend).</summary>
    public const string LibTorchVariable = Variables.LibTorch;

    static readonly Lock Gate = new();
    static Exception? _failure;
    static bool _loaded;

    /// <summary>The backend the running program was built with (cpu, cuda or external).</summary>
    public static string Backend { get; } = ReadBackend();

    /// <summary>
    /// Makes sure libtorch is loaded. Throws <see cref="TorchLoadException"/> with a short diagnosis
    /// if it cannot be; later calls rethrow the same diagnosis without trying again.
    /// </summary>
    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (_loaded) return;
            if (_failure is not null) throw new TorchLoadException(_failure.Message, _failure.InnerException);
            try
            {
                LibTorchDefaults.Apply(); // before libtorch's first allocation, which reads it
                PreloadExternalLibTorch(Environment.GetEnvironmentVariable(LibTorchVariable));
                torch.InitializeDeviceType(DeviceType.CPU);
                _loaded = true;
            }
            catch (Exception e) when (e is not TorchLoadException)
            {
                _failure = new TorchLoadException(Diagnose(e, Backend, Environment.GetEnvironmentVariable(LibTorchVariable)), e);
                throw _failure;
            }
            catch (TorchLoadException e)
            {
                _failure = e;
                throw;
            }
        }
    }

    /// <summary>True when libtorch loads; the diagnosis otherwise (for `katas doctor`).</summary>
    public static bool TryLoad(out string? problem)
    {
        try { EnsureLoaded(); problem = null; return true; }
        catch (TorchLoadException e) { problem = e.Message; return false; }
    }

    // The order matters: each library needs the ones before it. The CUDA files are absent from a
    // CPU build of libtorch, and that is fine.
    static readonly string[] PreloadOrder = ["c10", "torch_cpu", "c10_cuda", "torch_cuda", "torch"];

    /// <summary>
    /// The external backend: load libtorch from a folder (for example PyTorch's torch/lib) before
    /// TorchSharp looks for it. TorchSharp then finds the libraries already in the process.
    /// </summary>
    internal static void PreloadExternalLibTorch(string? folder)
    {
        if (string.IsNullOrWhiteSpace(folder)) return;
        if (!Directory.Exists(folder))
            throw new TorchLoadException(
                $"{LibTorchVariable}={folder} is not a folder. Point it at a libtorch 'lib' folder, for example " +
                "the output of: python3 -c \"import torch,os;print(os.path.dirname(torch.__file__)+'/lib')\"");
        var loadedAny = false;
        foreach (var name in PreloadOrder)
        {
            var file = Path.Combine(folder, NativeFileName(name));
            if (!File.Exists(file)) continue;
            NativeLibrary.Load(file);
            loadedAny = true;
        }
        if (!loadedAny)
            throw new TorchLoadException(
                $"{LibTorchVariable}={folder} holds no libtorch ({NativeFileName("torch_cpu")} is missing). " +
                "Point it at the folder that contains libtorch's shared libraries.");
    }

    static string NativeFileName(string name) =>
        OperatingSystem.IsWindows() ? name + ".dll" : OperatingSystem.IsMacOS() ? $"lib{name}.dylib" : $"lib{name}.so";

    /// <summary>Turns a native load failure into cause + fix. Pure, so that it can be tested.</summary>
    internal static string Diagnose(Exception error, string backend, string? externalFolder)
    {
        var all = string.Join("\n", Chain(error).Select(e => e.Message));
        if (all.Contains("GLIBCXX_", StringComparison.Ordinal))
            return "TorchSharp could not load: this Linux's C++ runtime (libstdc++) is older than GCC 13 and lacks " +
                   "GLIBCXX_3.4.32, which TorchSharp 0.107 needs. Fix: open the course in its dev container (.devcontainer/), " +
                   "or on Debian 12 run `sudo bash eng/bootstrap-linux.sh` (libstdc++6 and libc6 from Debian 13: it lists " +
                   "what it changes and asks first); elsewhere install libstdc++ from GCC 13 or newer (Ubuntu 24.04+, Debian 13+, Fedora 39+).";
        if (backend == "external" && string.IsNullOrWhiteSpace(externalFolder))
            return $"TorchSharp could not load: this build uses the external backend (-p:TorchBackend=external) but " +
                   $"{LibTorchVariable} is not set. Fix: set {LibTorchVariable} to a libtorch lib folder (for example PyTorch's torch/lib), " +
                   "or build with the default cpu backend.";
        if (backend == "external")
            return $"TorchSharp could not load libtorch from {LibTorchVariable}={externalFolder}: {FirstLine(all)} " +
                   "Fix: check that the folder's libtorch matches TorchSharp 0.107 (LibTorch 2.10 or a close version).";
        if (all.Contains("cuda", StringComparison.OrdinalIgnoreCase) && backend == "cuda")
            return "TorchSharp could not load its CUDA libtorch: " + FirstLine(all) +
                   " Fix: install an NVIDIA driver that supports CUDA 12.8, or build with the default cpu backend.";
        if (all.Contains("Failed to load native component", StringComparison.Ordinal) || error is DllNotFoundException)
            return $"TorchSharp found no libtorch next to the program (backend '{backend}'). Fix: restore and rebuild " +
                   "(`dotnet build`); if you changed TorchBackend, rebuild everything with the same value.";
        return "TorchSharp could not start: " + FirstLine(all);
    }

    static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException) yield return x;
    }

    static string FirstLine(string s) => s.Split('\n', 2)[0].Trim();

    static string ReadBackend() =>
        Assembly.GetEntryAssembly()?.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "Katas.TorchBackend")?.Value ?? "cpu";
}

/// <summary>libtorch could not be loaded; the message says why and what to do.</summary>
public sealed class TorchLoadException(string message, Exception? inner = null) : Exception(message, inner);
