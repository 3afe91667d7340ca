namespace Katas.Kit.Tests;

public class DevicesTests
{
    [Theory]
    [InlineData(null, false, "cpu")]
    [InlineData(null, true, "cuda")]
    [InlineData("auto", false, "cpu")]
    [InlineData("AUTO", true, "cuda")]
    [InlineData("cpu", true, "cpu")]
    [InlineData(" cuda ", true, "cuda")]
    public void KATAS_DEVICE_decides_and_auto_prefers_cuda(string? requested, bool cudaAvailable, string expected) =>
        Devices.Resolve(requested, cudaAvailable).ShouldBe(expected);

    [Fact]
    public void Asking_for_cuda_without_a_gpu_says_why_and_what_to_do()
    {
        var error = Should.Throw<InvalidOperationException>(() => Devices.Resolve("cuda", cudaAvailable: false));

        error.Message.ShouldContain("no CUDA device");
        error.Message.ShouldContain("TorchBackend=cuda");
        error.Message.ShouldContain("KATAS_DEVICE=cpu");
    }

    [Fact]
    public void An_unknown_device_name_is_rejected() =>
        Should.Throw<ArgumentException>(() => Devices.Resolve("tpu", true)).Message.ShouldContain("use cpu, cuda or auto");

    [Fact]
    public void Choose_gives_a_device_this_machine_has()
    {
        var device = Devices.Choose();

        using var t = torch.ones(2, device: device);
        t.sum().item<float>().ShouldBe(2f);
        (device.type == DeviceType.CUDA).ShouldBe(torch.cuda.is_available() && Environment.GetEnvironmentVariable(Devices.Variable) != "cpu");
    }
}
