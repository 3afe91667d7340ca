using System.Buffers.Binary;

namespace Katas.Kit.Data;

/// <summary>
/// The IDX format of MNIST: a big-endian magic number (two zero bytes, a type byte, the number of
/// dimensions), one big-endian int32 per dimension, then the values.
/// </summary>
public static class Idx
{
    const byte UnsignedByte = 0x08;

    /// <summary>Reads an IDX file of unsigned bytes, checking its magic number and its length.</summary>
    public static (int[] Shape, byte[] Data) ReadUnsignedBytes(string path, int expectedDimensions)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { throw new InvalidIdxFileException(path, "the file does not exist"); }
        return Parse(bytes, path, expectedDimensions);
    }

    internal static (int[] Shape, byte[] Data) Parse(byte[] bytes, string path, int expectedDimensions)
    {
        if (bytes.Length < 4)
            throw new InvalidIdxFileException(path, $"it is {bytes.Length} bytes long, too short for a header (truncated)");
        var magic = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        var expectedMagic = (uint)(UnsignedByte << 8 | expectedDimensions);
        if (magic != expectedMagic)
            throw new InvalidIdxFileException(path,
                $"wrong magic number 0x{magic:X8}, expected 0x{expectedMagic:X8} (unsigned bytes, {expectedDimensions} dimensions)");
        var header = 4 + 4 * expectedDimensions;
        if (bytes.Length < header)
            throw new InvalidIdxFileException(path, $"the header needs {header} bytes but the file has {bytes.Length} (truncated)");
        var shape = new int[expectedDimensions];
        long count = 1;
        for (var i = 0; i < expectedDimensions; i++)
        {
            shape[i] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + 4 * i));
            if (shape[i] < 0) throw new InvalidIdxFileException(path, $"dimension {i} is negative ({shape[i]})");
            count *= shape[i];
        }
        var actual = bytes.LongLength - header;
        if (actual < count)
            throw new InvalidIdxFileException(path, $"the header promises {count} values but only {actual} follow (truncated)");
        if (actual > count)
            throw new InvalidIdxFileException(path, $"the header promises {count} values but {actual} follow ({actual - count} extra bytes)");
        return (shape, bytes[header..]);
    }
}
