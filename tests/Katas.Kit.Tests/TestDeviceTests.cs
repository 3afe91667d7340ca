namespace Katas.Kit.Tests;

/// <summary>
/// The check the chapter tests use to prove where a model ran. PyTorch's "meta" device (shapes, no
/// memory, no compute) stands in for a GPU here: a model left on another device than the one asked
/// for must fail the check on any machine, so a GPU lane cannot silently fall back to the CPU.
/// </summary>
public class TestDeviceTests
{
    static readonly torch.Device Meta = torch.device("meta");

    [Fact]
    public void A_model_on_the_device_passes_and_one_left_elsewhere_fails_naming_its_tensors()
    {
        using var onCpu = nn.Linear(3, 2);
        using var onMeta = nn.Linear(3, 2).to(Meta);

        onCpu.ShouldBeOn(torch.CPU);
        onMeta.ShouldBeOn(Meta);
        var error = Should.Throw<ShouldAssertException>(() => onMeta.ShouldBeOn(torch.CPU, "the tests put the model there"));
        error.Message.ShouldContain("should be on cpu");
        error.Message.ShouldContain("weight (meta)");
        error.Message.ShouldContain("bias (meta)");
        error.Message.ShouldContain("the tests put the model there");
        Should.Throw<ShouldAssertException>(() => onCpu.ShouldBeOn(new torch.Device(DeviceType.CUDA))).Message.ShouldContain("weight (cpu)");
    }

    [Fact]
    public void A_model_half_moved_fails_and_buffers_count_too()
    {
        using var mixed = nn.Sequential(("a", nn.Linear(2, 2)), ("b", nn.Linear(2, 2).to(Meta)));
        using var norm = nn.BatchNorm1d(4); // running_mean and running_var are buffers, not parameters
        norm.to(Meta);

        Should.Throw<ShouldAssertException>(() => mixed.ShouldBeOn(Meta)).Message.ShouldContain("a.weight (cpu)");
        norm.ShouldBeOn(Meta);
        Should.Throw<ShouldAssertException>(() => norm.ShouldBeOn(torch.CPU)).Message.ShouldContain("running_mean (meta)");
    }

    [Fact]
    public void A_model_without_tensors_cannot_prove_where_it_ran()
    {
        using var relu = nn.ReLU();

        Should.Throw<ShouldAssertException>(() => relu.ShouldBeOn(torch.CPU)).Message.ShouldContain("no parameters or buffers");
    }

    [Fact]
    public void A_tensor_is_checked_by_device_type_and_by_index_when_one_is_asked_for()
    {
        using var onCpu = torch.zeros(2);
        using var onMeta = torch.zeros(2, device: Meta);

        onCpu.ShouldBeOn(torch.CPU);
        onMeta.ShouldBeOn(Meta);
        Should.Throw<ShouldAssertException>(() => onMeta.ShouldBeOn(torch.CPU)).Message.ShouldContain("should be on cpu but is on meta");
        Should.Throw<ShouldAssertException>(() => onCpu.ShouldBeOn(new torch.Device(DeviceType.CUDA))).Message.ShouldContain("is on cpu");
        Should.Throw<ShouldAssertException>(() => onCpu.ShouldBeOn(new torch.Device(DeviceType.CUDA, 1)));
    }

    [Fact]
    public void The_tests_device_is_Kits_choice()
    {
        TestDevice.Current.type.ShouldBe(Devices.Choose().type);
        using var t = torch.ones(2, device: TestDevice.Current);
        t.ShouldBeOn(TestDevice.Current);
    }
}
