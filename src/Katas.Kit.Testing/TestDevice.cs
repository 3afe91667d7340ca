using Shouldly;
using TorchSharp;

namespace Katas.Kit.Testing;

/// <summary>
/// Where the chapter tests put models and data: Kit's device (KATAS_DEVICE: cpu, cuda or auto, which
/// the grader's <c>--device</c> sets), chosen once per test process. With KATAS_DEVICE=cuda and no
/// GPU, every test that asks fails with Kit's message (what is wrong, how to fix it).
/// </summary>
/// <remarks>
/// Tests that train or run a model put it here and then assert with <see cref="ShouldBeOn(torch.nn.Module, torch.Device, string?)"/>
/// where it ran, so a GPU lane that silently falls back to the CPU fails instead of passing.
/// </remarks>
[ShouldlyMethods]
public static class TestDevice
{
    static readonly Lazy<torch.Device> Chosen = new(Devices.Choose);

    /// <summary>The device the tests run on.</summary>
    public static torch.Device Current => Chosen.Value;

    /// <summary><paramref name="tensor"/> lives on <paramref name="device"/> (cuda means any CUDA device unless an index is given).</summary>
    public static void ShouldBeOn(this torch.Tensor tensor, torch.Device device, string? customMessage = null)
    {
        if (!Same(tensor.device, device))
            throw new ShouldAssertException($"the tensor should be on {device} but is on {tensor.device}" + Suffix(customMessage));
    }

    /// <summary>Every parameter and buffer of <paramref name="module"/> lives on <paramref name="device"/>.</summary>
    public static void ShouldBeOn(this torch.nn.Module module, torch.Device device, string? customMessage = null)
    {
        if (!module.parameters().Any() && !module.buffers().Any())
            throw new ShouldAssertException("the module has no parameters or buffers, so where it runs cannot be checked" + Suffix(customMessage));
        var elsewhere = module.named_parameters().Select(p => (p.name, Tensor: (torch.Tensor)p.parameter))
            .Concat(module.named_buffers().Select(b => (b.name, Tensor: b.buffer)))
            .Where(p => !Same(p.Tensor.device, device))
            .Select(p => $"{p.name} ({p.Tensor.device})")
            .ToList();
        if (elsewhere.Count > 0)
            throw new ShouldAssertException(
                $"the model should be on {device} but {elsewhere.Count} of its tensors are elsewhere: {string.Join(", ", elsewhere.Take(5))}"
                + (elsewhere.Count > 5 ? ", ..." : "") + Suffix(customMessage));
    }

    static bool Same(torch.Device actual, torch.Device expected) =>
        actual.type == expected.type && (expected.index < 0 || Math.Max(actual.index, 0) == expected.index);

    static string Suffix(string? message) => string.IsNullOrEmpty(message) ? "" : "\n\nAdditional info:\n    " + message;
}
