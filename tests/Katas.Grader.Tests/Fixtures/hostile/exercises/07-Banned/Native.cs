using System.Runtime.InteropServices;

namespace Fixture;

public static class NativeTricks
{
    // forbids: T:System.Runtime.InteropServices.DllImportAttribute
    // checks: KATAS002
    [DllImport("libc")] private static extern int getpid();

    public static void All()
    {
        // forbids: T:System.Runtime.InteropServices.NativeLibrary
        _ = NativeLibrary.Load("libc");
        // forbids: T:System.Runtime.InteropServices.Marshal
        _ = Marshal.SizeOf<int>();
        // forbids: T:System.Runtime.InteropServices.GCHandle
        GCHandle.Alloc(new object()).Free();
        // forbids: T:Microsoft.Win32.SafeHandles.SafeFileHandle
        using var stdout = new Microsoft.Win32.SafeHandles.SafeFileHandle(1, ownsHandle: false);
    }
}

public sealed class Secret
{
    private int _value = 42;

    public int Peek() => _value;

    // forbids: T:System.Runtime.CompilerServices.UnsafeAccessorAttribute
    [System.Runtime.CompilerServices.UnsafeAccessor(System.Runtime.CompilerServices.UnsafeAccessorKind.Field, Name = "_value")]
    private static extern ref int Value(Secret secret);
}
