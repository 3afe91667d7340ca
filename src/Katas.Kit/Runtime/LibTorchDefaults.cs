using System.Runtime.InteropServices;

namespace Katas.Kit;

/// <summary>
/// Two settings of libtorch's native libraries that Kit gives every katas program on Linux, unless
/// the environment already sets them (a value you set always wins):
/// <list type="bullet">
/// <item><c>OMP_WAIT_POLICY=PASSIVE</c>: libtorch's OpenMP threads sleep while they wait for work
/// instead of spinning. Alone on a machine it makes no measurable difference; on a busy one (a build,
/// another test project, a browser) spinning threads take the cores from the threads doing the work.</item>
/// <item><c>THP_MEM_ALLOC_ENABLE=1</c>: tensors of 2 MB and more get transparent huge pages, so
/// their memory is mapped 2 MB at a time instead of 4 KB at a time. Loading a VGG-16 checkpoint
/// (528 MB of new tensors) spends most of its time there without it.</item>
/// </list>
/// OpenMP reads its variable when libtorch loads and libtorch its own at the first allocation, so
/// they go into the process's native environment (setenv) before TorchSharp loads:
/// <see cref="TorchRuntime.EnsureLoaded"/> applies them first. Measurements: docs/performance.md.
/// </summary>
public static partial class LibTorchDefaults
{
    /// <summary>The settings, by environment variable (the bench gives its Python peers the same).</summary>
    public static IReadOnlyList<(string Name, string Value)> Settings { get; } =
    [
        ("OMP_WAIT_POLICY", "PASSIVE"),
        ("THP_MEM_ALLOC_ENABLE", "1"),
    ];

    /// <summary>Sets each of <see cref="Settings"/> that the native environment lacks (Linux only).</summary>
    internal static void Apply()
    {
        if (!OperatingSystem.IsLinux()) return;
        Apply(name => Marshal.PtrToStringUTF8(GetEnv(name)), (name, value) => SetEnv(name, value, overwrite: 0));
    }

    /// <summary>The rule, apart from the native calls: a variable already set (even empty) is left alone.</summary>
    internal static IReadOnlyList<string> Apply(Func<string, string?> get, Action<string, string> set)
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
