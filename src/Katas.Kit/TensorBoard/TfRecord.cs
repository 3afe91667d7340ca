using System.Buffers.Binary;

namespace Katas.Kit.TensorBoard;

/// <summary>
/// TFRecord framing, the container of TensorBoard's events files. Each record is
/// <c>uint64 length | uint32 masked CRC-32C of those 8 bytes | payload | uint32 masked CRC-32C of the payload</c>,
/// all little-endian. The length has its own checksum so that a damaged length is caught before it
/// sends a reader off into the wrong bytes.
/// </summary>
public static class TfRecord
{
    const int HeaderBytes = 12;
    const int FooterBytes = 4;

    /// <summary>Appends one record holding <paramref name="payload"/>.</summary>
    public static void Write(Stream stream, ReadOnlySpan<byte> payload)
    {
        Span<byte> header = stackalloc byte[HeaderBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(header, (ulong)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], Crc32C.Masked(header[..8]));
        Span<byte> footer = stackalloc byte[FooterBytes];
        BinaryPrimitives.WriteUInt32LittleEndian(footer, Crc32C.Masked(payload));
        stream.Write(header);
        stream.Write(payload);
        stream.Write(footer);
    }

    /// <summary>
    /// Every record of a file, with the byte offset where it starts. Both checksums of every record
    /// are verified; anything wrong throws <see cref="CorruptEventFileException"/> naming the file and
    /// the offset.
    /// </summary>
    public static IReadOnlyList<(long Offset, byte[] Payload)> ReadAll(string path)
    {
        byte[] bytes;
        // Share everything: a writer may still have the file open (TensorBoard reads live runs, too).
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            bytes = new byte[file.Length];
            file.ReadExactly(bytes);
        }
        return Parse(bytes, path);
    }

    /// <summary>The records in <paramref name="bytes"/>; <paramref name="path"/> only names them in errors.</summary>
    public static IReadOnlyList<(long Offset, byte[] Payload)> Parse(ReadOnlySpan<byte> bytes, string path)
    {
        var records = new List<(long, byte[])>();
        var offset = 0;
        while (offset < bytes.Length)
        {
            var left = bytes.Length - offset;
            if (left < HeaderBytes)
                throw new CorruptEventFileException(path, offset,
                    $"a record starts here but the file ends after {left} of its {HeaderBytes} header bytes (truncated)");
            var lengthBytes = bytes.Slice(offset, 8);
            var storedLengthCrc = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(offset + 8)..]);
            var lengthCrc = Crc32C.Masked(lengthBytes);
            if (storedLengthCrc != lengthCrc)
                throw new CorruptEventFileException(path, offset,
                    $"the record's length field fails its checksum (stored masked CRC-32C 0x{storedLengthCrc:X8}, computed 0x{lengthCrc:X8})");
            var length = BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
            if (left < HeaderBytes + FooterBytes || length > (ulong)(left - HeaderBytes - FooterBytes))
                throw new CorruptEventFileException(path, offset,
                    $"the record announces {length} payload bytes plus a {FooterBytes}-byte checksum, but only {left - HeaderBytes} bytes follow its header (truncated)");
            var payload = bytes.Slice(offset + HeaderBytes, (int)length);
            var storedCrc = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(offset + HeaderBytes + (int)length)..]);
            var crc = Crc32C.Masked(payload);
            if (storedCrc != crc)
                throw new CorruptEventFileException(path, offset,
                    $"the record's {length}-byte payload (from byte {offset + HeaderBytes}) fails its checksum (stored masked CRC-32C 0x{storedCrc:X8}, computed 0x{crc:X8})");
            records.Add((offset, payload.ToArray()));
            offset += HeaderBytes + (int)length + FooterBytes;
        }
        return records;
    }
}
