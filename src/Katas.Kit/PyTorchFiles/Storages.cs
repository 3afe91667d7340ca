using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Kit;

/// <summary>
/// A tensor's storage as PyTorch's files name it (<c>torch.FloatStorage</c>, ...) and its bytes as
/// spans. <see cref="Tensor.bytes"/> is a span over the tensor's own memory (no copy), but a span
/// holds at most 2 GiB: bigger tensors go in chunks of a flat view.
/// </summary>
internal static class Storages
{
    /// <summary>Bytes per chunk: a span's limit is 2 GiB; 1 GiB keeps every chunk well inside it.</summary>
    internal static long ChunkBytes { get; set; } = 1L << 30;

    static readonly (ScalarType Type, string Name)[] Names =
    [
        (ScalarType.Float32, "FloatStorage"), (ScalarType.Float64, "DoubleStorage"), (ScalarType.Float16, "HalfStorage"),
        (ScalarType.BFloat16, "BFloat16Storage"), (ScalarType.Int64, "LongStorage"), (ScalarType.Int32, "IntStorage"),
        (ScalarType.Int16, "ShortStorage"), (ScalarType.Int8, "CharStorage"), (ScalarType.Byte, "ByteStorage"),
        (ScalarType.Bool, "BoolStorage"), (ScalarType.ComplexFloat32, "ComplexFloatStorage"),
        (ScalarType.ComplexFloat64, "ComplexDoubleStorage"),
    ];

    /// <summary>"FloatStorage" for float32, ...: the class torch.load rebuilds the storage with.</summary>
    public static string NameOf(ScalarType type) =>
        Names.FirstOrDefault(n => n.Type == type).Name
        ?? throw new NotSupportedException($"PyTorch's format has no storage for tensors of type {type}.");

    /// <summary>The element type of a storage class, or null when it is not one PyTorch writes for tensors.</summary>
    public static ScalarType? TypeOf(string name) =>
        Names.FirstOrDefault(n => n.Name == name) is { Name: not null } found ? found.Type : null;

    public delegate void SpanAction(Span<byte> bytes);

    /// <summary>
    /// Calls <paramref name="action"/> on the bytes of <paramref name="tensor"/> (CPU, contiguous), in
    /// order, in chunks of at most <see cref="ChunkBytes"/>: reading or writing them touches the tensor itself.
    /// </summary>
    public static void ForEachChunk(Tensor tensor, SpanAction action)
    {
        var count = tensor.numel();
        if (count == 0) return;
        var perChunk = Math.Max(1, ChunkBytes / tensor.ElementSize);
        using var flat = tensor.reshape(-1); // a view: the tensor is contiguous
        for (long start = 0; start < count; start += perChunk)
        {
            using var chunk = flat.narrow(0, start, Math.Min(perChunk, count - start));
            action(chunk.bytes);
        }
    }
}
