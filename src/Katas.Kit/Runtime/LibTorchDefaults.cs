using System.Runtime.InteropServices;

namespace Katas.Kit;

/// <summary>
/// A setting of libtorch that Kit gives every katas program on Linux unless the environment already
/// has it (a value you set always wins): <c>THP_MEM_ALLOC_ENABLE=1</c>, transparent huge pages for
/// tensors of 2 MB and more. A new tensor's memory is then mapped 2 MB at a time instead of 4 KB at
/// a time; loading VGG-16's checkpoint (528 MB of new tensors) spent most of its time there without
/// it (5.6 s against 1.0 s on a 2-core virtual machine; docs/performance.md).
/// </summary>
/// <remarks>
/// libtorch reads the variable at its first allocation, through the process's native environment,
/// which .NET's <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not change on
/// Linux: it is set with libc's setenv before TorchSharp loads (<see cref="TorchRuntime.EnsureLoaded"/>).
/// Tried and not made a default: <c>OMP_WAIT_POLICY=PASSIVE</c> (OpenMP threads sleep instead of
/// spinning) saved time when test processes shared 2 cores, but made the CNN and LSTM epochs 1.6-1.8x
/// slower on 16 cores.
/// </remarks>
public static partial class LibTorchDefaults
{
    /// <summary>The settings, by environment variable (the bench gives its Python peers the same).</summary>
    public static IReadOnlyList<(string Name, string Value)> Settings { get; } =
    [
        ("THP_MEM_ALLOC_ENABLE", "1"),
    ];

    /// <summary>Sets each of <see cref="Settings"/> that the native environment lacks (Linux only).</summary>
    internal static void Apply()
    {
        if (!OperatingSystem.IsLinux()) return;
        Apply(name => Marshal.PtrToStringUTF8(GetEnv(name)), (name, value) => SetEnv(name, value, overwrite: 0));
    }

    /// <summary>
    /// The rule, apart from the native calls: a variable already set (even empty) is left alone. The
    /// bench applies it to its Python peers' environment, so that both sides' libtorch runs alike.
    /// </summary>
    public static IReadOnlyList<string> Apply(Func<string, string?> get, Action<string, string> set)
    {
        var applied = new List<string>();
        foreach (var (name, value) in Settings)
        {
            if (get(name) is not null) continue;
            set(name, value);
            applied.Add(name);
        }
        return applied;
    }

    [LibraryImport("libc.so.6", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr GetEnv(string name);

    [LibraryImport("libc.so.6", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
