namespace Katas.Kit.Tests;

public class TorchRuntimeTests
{
    [Fact]
    public void An_old_libstdcxx_is_diagnosed_with_the_bootstrap_fix()
    {
        var raw = new TypeInitializationException("TorchSharp.torch", new DllNotFoundException(
            "Unable to load shared library 'LibTorchSharp': /lib/x86_64-linux-gnu/libstdc++.so.6: version `GLIBCXX_3.4.32' not found"));

        var message = TorchRuntime.Diagnose(raw, "cpu", null);

        message.ShouldContain("GLIBCXX_3.4.32");
        message.ShouldContain("sudo bash eng/bootstrap-linux.sh");
        message.Length.ShouldBeLessThan(500, "short: cause and fix, not a trace");
    }

    [Fact]
    public void The_external_backend_without_KATAS_LIBTORCH_says_to_set_it()
    {
        var message = TorchRuntime.Diagnose(new DllNotFoundException("Failed to load native component torch_cpu"), "external", null);

        message.ShouldContain(TorchRuntime.LibTorchVariable + " is not set");
    }

    [Fact]
    public void A_missing_libtorch_with_the_cpu_backend_says_to_rebuild()
    {
        var message = TorchRuntime.Diagnose(new NotSupportedException("Failed to load native component torch_cpu relative to ..."), "cpu", null);

        message.ShouldContain("found no libtorch");
        message.ShouldContain("dotnet build");
    }

    [Fact]
    public void KATAS_LIBTORCH_pointing_nowhere_is_reported_before_TorchSharp_tries()
    {
        var error = Should.Throw<TorchLoadException>(() => TorchRuntime.PreloadExternalLibTorch("/no/such/folder"));

        error.Message.ShouldContain("is not a folder");
    }

    [Fact]
    public void KATAS_LIBTORCH_pointing_at_a_folder_without_libtorch_is_reported()
    {
        var empty = Directory.CreateTempSubdirectory("katas-empty-").FullName;
        try
        {
            Should.Throw<TorchLoadException>(() => TorchRuntime.PreloadExternalLibTorch(empty))
                .Message.ShouldContain("holds no libtorch");
        }
        finally { Directory.Delete(empty); }
    }

    [Fact]
    public void TorchSharp_loads_here()
    {
        TorchRuntime.TryLoad(out var problem).ShouldBeTrue(problem);
        using var t = torch.arange(4);
        t.sum().item<long>().ShouldBe(6);
    }
}
