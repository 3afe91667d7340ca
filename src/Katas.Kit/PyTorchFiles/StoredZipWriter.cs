using System.Buffers.Binary;
using System.Text;

namespace Katas.Kit;

/// <summary>
/// A zip archive as <c>torch.save</c> writes one: every entry stored (method 0, no compression) and
/// its data starting at a multiple of 64 bytes, so that a reader can map a tensor straight from the
/// file. Deflating float weights saves ~8 % of the bytes and costs most of the time; PyTorch never does.
/// </summary>
/// <remarks>
/// Each entry is written in one pass, as torch.save (miniz) writes it: the local header has general
/// purpose bit 3 set and zeros for the CRC-32 and sizes, the data follows while its CRC-32 is computed
/// over it, and a data descriptor after the data holds the CRC-32 and sizes (the central directory has
/// them too, and is what readers use). So the bytes are read once, while they are written, and the
/// stream need not seek. An entry's size must be known when it starts (for ZIP64 and the alignment).
/// ZIP64 records are written where a size, an offset or the entry count passes the classic format's
/// limits (4 GiB, 65,535 entries). Offsets count from the position of the stream when the writer was made.
/// </remarks>
internal sealed class StoredZipWriter(Stream stream)
{
    /// <summary>torch.save aligns each entry's data to 64 bytes (caffe2/serialize/inline_container.cc).</summary>
    public const int Alignment = 64;

    /// <summary>Sizes and offsets from this value on need ZIP64 records; tests lower it to reach them with small files.</summary>
    internal ulong Zip64Threshold { get; init; } = uint.MaxValue;

    const ushort PaddingTag = 0x4246; // "FB", the extra field torch.save pads with
    const ushort Flags = 0x0808; // bit 3: CRC-32 and sizes in a data descriptor after the data; bit 11: UTF-8 names (as miniz)
    const ushort DosDate = (0 << 9) | (1 << 5) | 1; // 1980-01-01: no timestamps, so equal state dicts give equal files

    readonly List<(byte[] Name, uint Crc, ulong Size, ulong Offset)> _entries = [];
    ulong _position;

    /// <summary>
    /// Adds an entry of <paramref name="size"/> bytes: <paramref name="writeData"/> must write exactly
    /// those to the stream it is given and return their CRC-32 (computed while writing them).
    /// </summary>
    public void Add(string name, ulong size, Func<Stream, uint> writeData)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var offset = _position;
        var zip64 = size >= Zip64Threshold;
        var zip64Bytes = zip64 ? 4 + 16 : 0;
        var unpadded = offset + ZipRecords.LocalHeaderBytes + (ulong)nameBytes.Length + (ulong)zip64Bytes + 4; // + the padding field's own header
        var padding = (int)((Alignment - unpadded % Alignment) % Alignment);

        var header = new byte[ZipRecords.LocalHeaderBytes + nameBytes.Length + zip64Bytes + 4 + padding];
        var span = header.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, ZipRecords.LocalHeader);
        WriteCommon(span, zip64, crc: 0, size32: 0, nameBytes.Length, zip64Bytes + 4 + padding); // CRC and sizes follow the data
        nameBytes.CopyTo(span[ZipRecords.LocalHeaderBytes..]);
        var extra = span[(ZipRecords.LocalHeaderBytes + nameBytes.Length)..];
        if (zip64)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(extra, ZipRecords.Zip64Tag);
            BinaryPrimitives.WriteUInt16LittleEndian(extra[2..], 16);
            BinaryPrimitives.WriteUInt64LittleEndian(extra[4..], size);
            BinaryPrimitives.WriteUInt64LittleEndian(extra[12..], size);
            extra = extra[zip64Bytes..];
        }
        BinaryPrimitives.WriteUInt16LittleEndian(extra, PaddingTag);
        BinaryPrimitives.WriteUInt16LittleEndian(extra[2..], (ushort)padding);
        extra[4..].Fill((byte)'Z');
        Write(header);

        var counting = new CountingStream(stream);
        var crc = writeData(counting);
        if ((ulong)counting.Written != size)
            throw new InvalidOperationException($"Entry {name}: {counting.Written} bytes written, {size} announced.");
        _position += size;

        // The data descriptor: sizes in 8 bytes each where the local header has a ZIP64 record, else in 4.
        Span<byte> descriptor = stackalloc byte[zip64 ? 24 : 16];
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor, ZipRecords.DataDescriptor);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[4..], crc);
        if (zip64)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(descriptor[8..], size);
            BinaryPrimitives.WriteUInt64LittleEndian(descriptor[16..], size);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(descriptor[8..], (uint)size);
            BinaryPrimitives.WriteUInt32LittleEndian(descriptor[12..], (uint)size);
        }
        Write(descriptor);
        _entries.Add((nameBytes, crc, size, offset));
    }

    /// <summary>Writes the central directory: the archive's table of contents, which ends it.</summary>
    public void Finish()
    {
        var directoryStart = _position;
        foreach (var (name, crc, size, offset) in _entries)
        {
            var bigSize = size >= Zip64Threshold;
            var bigOffset = offset >= Zip64Threshold;
            var zip64Bytes = bigSize || bigOffset ? 4 + (bigSize ? 16 : 0) + (bigOffset ? 8 : 0) : 0;
            var record = new byte[ZipRecords.CentralHeaderBytes + name.Length + zip64Bytes];
            var span = record.AsSpan();
            WriteCommon(span[2..], bigSize || bigOffset, crc, bigSize ? uint.MaxValue : (uint)size, name.Length, zip64Bytes);
            BinaryPrimitives.WriteUInt32LittleEndian(span, ZipRecords.CentralHeader);
            BinaryPrimitives.WriteUInt16LittleEndian(span[4..], bigSize || bigOffset ? (ushort)45 : (ushort)20); // made by
            // 32-33 comment length, 34-35 disk, 36-37 internal attributes, 38-41 external attributes: all 0
            BinaryPrimitives.WriteUInt32LittleEndian(span[42..], bigOffset ? uint.MaxValue : (uint)offset);
            name.CopyTo(span[ZipRecords.CentralHeaderBytes..]);
            if (zip64Bytes > 0)
            {
                var extra = span[(ZipRecords.CentralHeaderBytes + name.Length)..];
                BinaryPrimitives.WriteUInt16LittleEndian(extra, ZipRecords.Zip64Tag);
                BinaryPrimitives.WriteUInt16LittleEndian(extra[2..], (ushort)(zip64Bytes - 4));
                var field = extra[4..];
                if (bigSize)
                {
                    BinaryPrimitives.WriteUInt64LittleEndian(field, size);
                    BinaryPrimitives.WriteUInt64LittleEndian(field[8..], size);
                    field = field[16..];
                }
                if (bigOffset) BinaryPrimitives.WriteUInt64LittleEndian(field, offset);
            }
            Write(record);
        }
        var directorySize = _position - directoryStart;
        var count = (ulong)_entries.Count;
        if (count >= ushort.MaxValue || directoryStart >= Zip64Threshold || directorySize >= Zip64Threshold)
        {
            var zip64End = _position;
            var record = new byte[ZipRecords.Zip64EndOfDirectoryBytes + ZipRecords.Zip64LocatorBytes];
            var span = record.AsSpan();
            BinaryPrimitives.WriteUInt32LittleEndian(span, ZipRecords.Zip64EndOfDirectory);
            BinaryPrimitives.WriteUInt64LittleEndian(span[4..], 44); // the size of the rest of this record
            BinaryPrimitives.WriteUInt16LittleEndian(span[12..], 45);
            BinaryPrimitives.WriteUInt16LittleEndian(span[14..], 45);
            BinaryPrimitives.WriteUInt64LittleEndian(span[24..], count);
            BinaryPrimitives.WriteUInt64LittleEndian(span[32..], count);
            BinaryPrimitives.WriteUInt64LittleEndian(span[40..], directorySize);
            BinaryPrimitives.WriteUInt64LittleEndian(span[48..], directoryStart);
            BinaryPrimitives.WriteUInt32LittleEndian(span[ZipRecords.Zip64EndOfDirectoryBytes..], ZipRecords.Zip64Locator); // the locator
            BinaryPrimitives.WriteUInt64LittleEndian(span[64..], zip64End);
            BinaryPrimitives.WriteUInt32LittleEndian(span[72..], 1);
            Write(record);
        }
        var end = new byte[ZipRecords.EndOfDirectoryBytes];
        BinaryPrimitives.WriteUInt32LittleEndian(end, ZipRecords.EndOfDirectory);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(8), (ushort)Math.Min(count, ushort.MaxValue));
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(10), (ushort)Math.Min(count, ushort.MaxValue));
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(12), (uint)Math.Min(directorySize, uint.MaxValue));
        BinaryPrimitives.WriteUInt32LittleEndian(end.AsSpan(16), (uint)Math.Min(directoryStart, uint.MaxValue));
        Write(end);
    }

    /// <summary>
    /// The fields a local header (from byte 0) and a central header (from byte 2, after "made by")
    /// share: version needed, flags, method, time, date, CRC, sizes, name and extra lengths. A size
    /// in a ZIP64 record reads 0xFFFFFFFF in <paramref name="size32"/>; a local header has 0 there
    /// and for the CRC (they are in the data descriptor).
    /// </summary>
    static void WriteCommon(Span<byte> span, bool zip64, uint crc, uint size32, int nameLength, int extraLength)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], zip64 ? (ushort)45 : (ushort)20); // version needed
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], Flags);
        // 8-9 method 0 (stored), 10-11 time 00:00
        BinaryPrimitives.WriteUInt16LittleEndian(span[12..], DosDate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[14..], crc);
        BinaryPrimitives.WriteUInt32LittleEndian(span[18..], size32);
        BinaryPrimitives.WriteUInt32LittleEndian(span[22..], size32);
        BinaryPrimitives.WriteUInt16LittleEndian(span[26..], (ushort)nameLength);
        BinaryPrimitives.WriteUInt16LittleEndian(span[28..], (ushort)extraLength);
    }

    void Write(ReadOnlySpan<byte> bytes)
    {
        stream.Write(bytes);
        _position += (ulong)bytes.Length;
    }

    /// <summary>Passes writes on to the archive's stream and counts them; an entry's writer sees only this.</summary>
    sealed class CountingStream(Stream inner) : Stream
    {
        public long Written { get; private set; }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            inner.Write(buffer);
            Written += buffer.Length;
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Written;
        public override long Position { get => Written; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
