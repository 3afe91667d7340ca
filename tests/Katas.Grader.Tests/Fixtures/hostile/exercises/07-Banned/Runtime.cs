namespace Fixture;

public static class RuntimeTricks
{
    // forbids: T:System.Runtime.CompilerServices.ModuleInitializerAttribute
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void BeforeTheTests() { }

    public static void All()
    {
        // forbids: M:System.Environment.Exit(System.Int32)
        Environment.Exit(0);
        // forbids: M:System.Environment.FailFast(System.String)
        Environment.FailFast("done");
        // forbids: M:System.Environment.FailFast(System.String,System.Exception)
        Environment.FailFast("done", null);
        // forbids: M:System.Environment.GetCommandLineArgs
        _ = Environment.GetCommandLineArgs();
        // forbids: P:System.Environment.CommandLine
        _ = Environment.CommandLine;
        // forbids: T:System.AppDomain
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { };
        // forbids: T:System.Runtime.Loader.AssemblyLoadContext
        _ = System.Runtime.Loader.AssemblyLoadContext.Default;
        // forbids: N:System.Diagnostics.Tracing
        _ = System.Diagnostics.Tracing.EventLevel.Verbose;
        // forbids: T:System.Diagnostics.Process
        _ = System.Diagnostics.Process.GetCurrentProcess();
        // forbids: T:System.Diagnostics.ProcessStartInfo
        _ = new System.Diagnostics.ProcessStartInfo("sh");
        // forbids: T:System.Runtime.CompilerServices.Unsafe
        _ = System.Runtime.CompilerServices.Unsafe.SizeOf<int>();
        // forbids: N:Xunit
        // forbids: KATAS004
        Xunit.Assert.True(true);
    }
}
