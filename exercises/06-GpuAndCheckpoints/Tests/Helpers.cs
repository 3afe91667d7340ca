using static TorchSharp.torch.nn;

namespace Katas.GpuAndCheckpoints.Tests;

/// <summary>A folder of its own for one test, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("katas-06-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>The names of the files in the folder (a temporary file left behind would show here).</summary>
    public string[] Files() => Directory.GetFiles(Path).Select(System.IO.Path.GetFileName).ToArray()!;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>A stream that fails after a number of bytes: a full disk, a crash, a pulled cable.</summary>
internal sealed class FailingStream(Stream inner, long failAfterBytes) : Stream
{
    long _written;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_written + buffer.Length > failAfterBytes)
            throw new IOException($"simulated failure after {failAfterBytes} bytes (the disk is full)");
        inner.Write(buffer);
        _written += buffer.Length;
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _written;
    public override long Position { get => _written; set => throw new NotSupportedException(); }
    public override void Flush() => inner.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}

/// <summary>Models and comparisons the tests share.</summary>
internal static class Models
{
    public static readonly MlpSpec Small = new(InFeatures: 4, Hidden: 8, Classes: 3);

    /// <summary>A model with seeded random weights.</summary>
    public static Mlp Make(MlpSpec spec, int seed)
    {
        Seeding.Seed(seed);
        return new Mlp(spec);
    }

    /// <summary>Every entry of <paramref name="actual"/>'s state dict equals <paramref name="expected"/>'s, on the CPU.</summary>
    public static void ShouldHaveTheWeightsOf(this Module actual, Module expected, double atol = 0, string? why = null)
    {
        var want = expected.state_dict();
        actual.state_dict().Keys.ShouldBe(want.Keys, ignoreOrder: true, customMessage: "the same parameters");
        foreach (var (name, tensor) in actual.state_dict())
            tensor.ShouldBeClose(want[name], rtol: 0, atol: atol, $"{name}: {why}");
    }

    /// <summary>The fixtures made by Python's PyTorch (fixtures/make_fixtures.py), copied beside the tests.</summary>
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", name);
}

/// <summary>
/// GPU-only tests call your code first, then skip (with the reason) where there is no CUDA device.
/// They are not [GpuFact]s: an exercise test must fail on its stub, and a [GpuFact] on a machine
/// without a GPU is skipped before it can.
/// </summary>
internal static class Cuda
{
    public static void SkipUnlessAvailable() => Assert.SkipUnless(Gpu.Available, Gpu.SkipReason);
}
