namespace Fixture;

public static class RuntimeTricks
{
    // bans: T:System.Runtime.CompilerServices.ModuleInitializerAttribute
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void BeforeTheTests() { }

    public static void All()
    {
        // bans: M:System.Environment.Exit(System.Int32)
        Environment.Exit(0);
        // bans: M:System.Environment.FailFast(System.String)
        Environment.FailFast("done");
        // bans: M:System.Environment.FailFast(System.String,System.Exception)
        Environment.FailFast("done", null);
        // bans: M:System.Environment.GetCommandLineArgs
        _ = Environment.GetCommandLineArgs();
        // bans: P:System.Environment.CommandLine
        _ = Environment.CommandLine;
        // bans: T:System.AppDomain
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { };
        // bans: T:System.Runtime.Loader.AssemblyLoadContext
        _ = System.Runtime.Loader.AssemblyLoadContext.Default;
        // bans: N:System.Diagnostics.Tracing
        _ = System.Diagnostics.Tracing.EventLevel.Verbose;
        // bans: T:System.Diagnostics.Process
        _ = System.Diagnostics.Process.GetCurrentProcess();
        // bans: T:System.Diagnostics.ProcessStartInfo
        _ = new System.Diagnostics.ProcessStartInfo("sh");
        // bans: T:System.Runtime.CompilerServices.Unsafe
        _ = System.Runtime.CompilerServices.Unsafe.SizeOf<int>();
        // bans: N:Xunit
        // checks: KATAS004
        Xunit.Assert.True(true);
    }
}
