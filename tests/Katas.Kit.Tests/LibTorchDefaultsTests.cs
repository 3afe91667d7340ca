using System.Runtime.InteropServices;

namespace Katas.Kit.Tests;

public class LibTorchDefaultsTests
{
    [Fact]
    public void Each_setting_the_environment_lacks_is_set()
    {
        var environment = new Dictionary<string, string>();

        var applied = LibTorchDefaults.Apply(name => environment.GetValueOrDefault(name), (name, value) => environment[name] = value);

        applied.ShouldBe(["THP_MEM_ALLOC_ENABLE"]);
        environment["THP_MEM_ALLOC_ENABLE"].ShouldBe("1");
    }

    [Fact]
    public void A_value_the_user_set_is_kept()
    {
        var environment = new Dictionary<string, string> { ["THP_MEM_ALLOC_ENABLE"] = "0" }; // the user's choice

        LibTorchDefaults.Apply(name => environment.GetValueOrDefault(name), (name, value) => environment[name] = value).ShouldBeEmpty();
        environment["THP_MEM_ALLOC_ENABLE"].ShouldBe("0");
    }

    [Fact]
    public void An_empty_value_counts_as_set()
    {
        var environment = new Dictionary<string, string> { ["THP_MEM_ALLOC_ENABLE"] = "" };

        LibTorchDefaults.Apply(name => environment.GetValueOrDefault(name), (name, value) => environment[name] = value).ShouldBeEmpty();
    }

    [Fact]
    public void Once_libtorch_is_loaded_the_native_environment_holds_every_setting_on_linux()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Kit sets these on Linux only");
        TorchRuntime.EnsureLoaded();

        foreach (var (name, value) in LibTorchDefaults.Settings)
        {
            var native = Marshal.PtrToStringUTF8(LibTorchDefaults.GetEnv(name));
            // This test process may have been started with its own value (which Kit keeps); then that one is there.
            native.ShouldBe(Environment.GetEnvironmentVariable(name) ?? value, $"{name} in the native environment libtorch reads");
        }
    }
}
