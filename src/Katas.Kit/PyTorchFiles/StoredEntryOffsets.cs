using System.Buffers.Binary;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Katas.Kit;

/// <summary>
/// Where the data of each stored (uncompressed) entry of a zip file starts, from the central
/// directory and the local headers, so that <see cref="PyTorchFile.Load"/> can read a tensor's bytes
/// from the file straight into the tensor with <see cref="RandomAccess"/> (pread): any piece at any
/// time, on several threads at once, where ZipArchive's entry stream reads in order on one thread.
/// </summary>
/// <remarks>
/// ZipArchive stays the judge of the archive (names, sizes, CRC-32s, errors): this only locates data.
/// Anything unexpected gives null, and the reader goes back to ZipArchive's entry stream.
/// </remarks>
internal sealed class StoredEntryOffsets
{
    /// <summary>A central directory larger than this is not a state dict's (a few KB per thousand tensors).</summary>
    const long MaxDirectoryBytes = 64 << 20;

    readonly SafeFileHandle _file;
    readonly Dictionary<string, (long LocalHeader, long Size)> _stored;

    StoredEntryOffsets(SafeFileHandle file, Dictionary<string, (long, long)> stored) => (_file, _stored) = (file, stored);

    /// <summary>The stored entries of the zip file <paramref name="file"/>, or null where its directory is not as expected.</summary>
    public static StoredEntryOffsets? Read(SafeFileHandle file)
    {
        var length = RandomAccess.GetLength(file);
        var tail = new byte[(int)Math.Min(length, ZipRecords.EndOfDirectoryBytes + ushort.MaxValue + ZipRecords.Zip64LocatorBytes)]; // end record, its comment, a ZIP64 locator
        if (!ReadAt(file, tail, length - tail.Length)) return null;
        var end = -1;
        for (var i = tail.Length - ZipRecords.EndOfDirectoryBytes; i >= 0 && end < 0; i--)
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) == ZipRecords.EndOfDirectory) end = i;
        if (end < 0) return null;
        long count = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(end + 10));
        long size = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(end + 12));
        long start = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(end + 16));
        if (count == ushort.MaxValue || size == uint.MaxValue || start == uint.MaxValue)
        {
            var locator = end - ZipRecords.Zip64LocatorBytes;
            if (locator < 0 || BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(locator)) != ZipRecords.Zip64Locator) return null;
            var record = new byte[ZipRecords.Zip64EndOfDirectoryBytes];
            if (!ReadAt(file, record, (long)BinaryPrimitives.ReadUInt64LittleEndian(tail.AsSpan(locator + 8)))
                || BinaryPrimitives.ReadUInt32LittleEndian(record) != ZipRecords.Zip64EndOfDirectory) return null;
            count = (long)BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(32));
            size = (long)BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(40));
            start = (long)BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(48));
        }
        if (size is < 0 or > MaxDirectoryBytes || start < 0 || start > length - size) return null;
        var directory = new byte[size];
        if (!ReadAt(file, directory, start)) return null;

        var stored = new Dictionary<string, (long, long)>();
        var at = 0;
        for (long i = 0; i < count; i++)
        {
            if (at + ZipRecords.CentralHeaderBytes > directory.Length || BinaryPrimitives.ReadUInt32LittleEndian(directory.AsSpan(at)) != ZipRecords.CentralHeader) return null;
            var header = directory.AsSpan(at);
            var method = BinaryPrimitives.ReadUInt16LittleEndian(header[10..]);
            long compressed = BinaryPrimitives.ReadUInt32LittleEndian(header[20..]);
            var uncompressed32 = BinaryPrimitives.ReadUInt32LittleEndian(header[24..]);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header[30..]);
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(header[32..]);
            long offset = BinaryPrimitives.ReadUInt32LittleEndian(header[42..]);
            if (at + ZipRecords.CentralHeaderBytes + nameLength + extraLength + commentLength > directory.Length) return null;
            var name = Encoding.UTF8.GetString(header.Slice(ZipRecords.CentralHeaderBytes, nameLength));
            if (compressed == uint.MaxValue || offset == uint.MaxValue)
            {
                // The ZIP64 record holds, in this order, the sizes and the offset that read 0xFFFFFFFF above.
                var extra = header.Slice(ZipRecords.CentralHeaderBytes + nameLength, extraLength);
                while (extra.Length >= 4 && BinaryPrimitives.ReadUInt16LittleEndian(extra) != ZipRecords.Zip64Tag)
                    extra = extra[Math.Min(extra.Length, 4 + BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]))..];
                if (extra.Length < 4) return null;
                var field = extra[4..Math.Min(extra.Length, 4 + BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]))];
                if (uncompressed32 == uint.MaxValue) field = field.Length >= 8 ? field[8..] : [];
                if (compressed == uint.MaxValue)
                {
                    if (field.Length < 8) return null;
                    compressed = (long)BinaryPrimitives.ReadUInt64LittleEndian(field);
                    field = field[8..];
                }
                if (offset == uint.MaxValue)
                {
                    if (field.Length < 8) return null;
                    offset = (long)BinaryPrimitives.ReadUInt64LittleEndian(field);
                }
            }
            if (method == 0) stored.TryAdd(name, (offset, compressed));
            at += ZipRecords.CentralHeaderBytes + nameLength + extraLength + commentLength;
        }
        return new StoredEntryOffsets(file, stored);
    }

    /// <summary>
    /// Where the data of the stored entry <paramref name="name"/> of <paramref name="size"/> bytes starts in
    /// the file, or null where there is none, or its local header disagrees (ZipArchive's stream then reads it).
    /// </summary>
    public long? DataOffset(string name, long size)
    {
        if (!_stored.TryGetValue(name, out var entry) || entry.Size != size) return null;
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var local = new byte[ZipRecords.LocalHeaderBytes + nameBytes.Length];
        if (!ReadAt(_file, local, entry.LocalHeader)
            || BinaryPrimitives.ReadUInt32LittleEndian(local) != ZipRecords.LocalHeader
            || BinaryPrimitives.ReadUInt16LittleEndian(local.AsSpan(8)) != 0 // stored
            || BinaryPrimitives.ReadUInt16LittleEndian(local.AsSpan(26)) != nameBytes.Length
            || !local.AsSpan(ZipRecords.LocalHeaderBytes).SequenceEqual(nameBytes)) return null;
        return entry.LocalHeader + ZipRecords.LocalHeaderBytes + nameBytes.Length + BinaryPrimitives.ReadUInt16LittleEndian(local.AsSpan(28));
    }

    /// <summary>Fills <paramref name="buffer"/> from <paramref name="offset"/>; false where the file ends first.</summary>
    internal static bool ReadAt(SafeFileHandle file, Span<byte> buffer, long offset)
    {
        if (offset < 0) return false;
        while (buffer.Length > 0)
        {
            var read = RandomAccess.Read(file, buffer, offset);
            if (read == 0) return false;
            buffer = buffer[read..];
            offset += read;
        }
        return true;
    }
}
