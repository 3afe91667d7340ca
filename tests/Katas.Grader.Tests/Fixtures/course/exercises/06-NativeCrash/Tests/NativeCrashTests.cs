using System.Runtime.InteropServices;

namespace Fixture.Tests;

public static partial class NativeCrashTests
{
    // C's abort(): the process dies of SIGABRT, as it would from a crash inside native code.
    [LibraryImport("libc", EntryPoint = "abort")]
    private static partial void Abort();

    [Fact, Points(3)]
    public static void A_native_crash_kills_the_host()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "POSIX libc only");
        Abort();
    }
}
