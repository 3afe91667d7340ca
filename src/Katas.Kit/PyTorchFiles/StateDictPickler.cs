using System.Buffers.Binary;
using System.Text;

namespace Katas.Kit;

/// <summary>
/// Writes <c>data.pkl</c>, the pickle (protocol 2) at the heart of a <c>torch.save</c> file: an
/// <c>OrderedDict</c> whose values are <c>torch._utils._rebuild_tensor_v2(storage, offset, size,
/// stride, requires_grad, OrderedDict())</c> calls, each storage a persistent id
/// <c>("storage", torch.FloatStorage, key, "cpu", numel)</c> naming the archive entry data/KEY.
/// </summary>
/// <remarks><c>python3 -m pickletools data.pkl</c> shows the same opcodes as for a file torch.save wrote.</remarks>
internal static class StateDictPickler
{
    // The opcodes used (Python's Lib/pickletools.py documents each).
    const byte Proto = 0x80, Global = (byte)'c', EmptyTuple = (byte)')', Reduce = (byte)'R', Mark = (byte)'(',
        SetItems = (byte)'u', Stop = (byte)'.', BinUnicode = (byte)'X', BinInt = (byte)'J', Long1 = 0x8a,
        Tuple = (byte)'t', NewTrue = 0x88, NewFalse = 0x89, BinPersId = (byte)'Q';

    /// <summary>The entry's metadata: its key (data/KEY), storage class, element count, shape and strides.</summary>
    public sealed record Entry(string Name, string Key, string StorageType, long Count, long[] Shape, long[] Strides, bool RequiresGrad);

    public static byte[] Pickle(IEnumerable<Entry> entries)
    {
        using var output = new MemoryStream();
        output.Write([Proto, 2]);
        WriteGlobal(output, "collections", "OrderedDict");
        output.Write([EmptyTuple, Reduce, Mark]);
        foreach (var e in entries)
        {
            WriteString(output, e.Name);
            WriteGlobal(output, "torch._utils", "_rebuild_tensor_v2");
            output.WriteByte(Mark); // the arguments
            output.WriteByte(Mark); // the persistent id
            WriteString(output, "storage");
            WriteGlobal(output, "torch", e.StorageType);
            WriteString(output, e.Key);
            WriteString(output, "cpu");
            WriteInt(output, e.Count);
            output.Write([Tuple, BinPersId]);
            WriteInt(output, 0); // storage offset: every tensor has a storage of its own
            WriteTuple(output, e.Shape);
            WriteTuple(output, e.Strides);
            output.WriteByte(e.RequiresGrad ? NewTrue : NewFalse);
            WriteGlobal(output, "collections", "OrderedDict"); // backward hooks: none
            output.Write([EmptyTuple, Reduce, Tuple, Reduce]);
        }
        output.Write([SetItems, Stop]);
        return output.ToArray();
    }

    static void WriteGlobal(MemoryStream output, string module, string name) =>
        output.Write(Encoding.ASCII.GetBytes($"{(char)Global}{module}\n{name}\n"));

    static void WriteString(MemoryStream output, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> header = [BinUnicode, 0, 0, 0, 0];
        BinaryPrimitives.WriteInt32LittleEndian(header[1..], bytes.Length);
        output.Write(header);
        output.Write(bytes);
    }

    static void WriteInt(MemoryStream output, long value)
    {
        Span<byte> bytes = stackalloc byte[9];
        if (value is >= int.MinValue and <= int.MaxValue)
        {
            bytes[0] = BinInt;
            BinaryPrimitives.WriteInt32LittleEndian(bytes[1..], (int)value);
            output.Write(bytes[..5]);
        }
        else
        {
            output.Write([Long1, 8]); // an 8-byte little-endian two's complement integer
            BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
            output.Write(bytes[..8]);
        }
    }

    static void WriteTuple(MemoryStream output, long[] values)
    {
        output.WriteByte(Mark);
        foreach (var v in values) WriteInt(output, v);
        output.WriteByte(Tuple);
    }
}
