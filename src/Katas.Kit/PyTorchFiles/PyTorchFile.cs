using System.IO.Compression;
using System.IO.Hashing;
using System.Text;
using Microsoft.Win32.SafeHandles;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Kit;

/// <summary>
/// State dicts in PyTorch's own file format: what Python's <c>torch.save(model.state_dict(), f)</c>
/// writes and <c>torch.load(f)</c> reads, at the speed of those two.
/// </summary>
/// <remarks>
/// The format is a zip archive: <c>archive/data.pkl</c> (a pickle of an <c>OrderedDict</c> that
/// names each tensor's shape, strides and storage), <c>archive/data/0</c>, <c>archive/data/1</c>, ...
/// (each storage's raw little-endian bytes), <c>archive/byteorder</c> and <c>archive/version</c>.
/// Like torch.save, and unlike TorchSharp.PyBridge 1.4.4 (which deflates every entry, 20x slower on
/// VGG-16 for 8 % fewer bytes), the entries are stored uncompressed and aligned to 64 bytes, and
/// the bytes go between the tensors' memory and the file without a copy in between.
/// Files written here load in Python (torch.load) and with PyBridge; files written by torch.save
/// (stored) or PyBridge (deflated) load here.
/// </remarks>
public static class PyTorchFile
{
    const string Archive = "archive/";
    /// <summary>Bytes checksummed at a time while reading or writing: small enough to stay in the CPU's cache in between.</summary>
    const int PieceBytes = 1 << 20;

    /// <summary>
    /// Writes <paramref name="stateDict"/> (name -> tensor, e.g. <c>model.state_dict()</c>) to
    /// <paramref name="stream"/> in PyTorch's format, as <c>torch.save(state_dict, f)</c> does. Tensors
    /// on a GPU are copied to the CPU on the way, so the file loads on any machine. The stream stays open.
    /// </summary>
    public static void Save(IReadOnlyDictionary<string, Tensor> stateDict, Stream stream) => Save(stateDict, stream, uint.MaxValue);

    /// <param name="zip64Threshold">Sizes and offsets from this on get ZIP64 records: tests lower it to reach them without 4 GiB files.</param>
    internal static void Save(IReadOnlyDictionary<string, Tensor> stateDict, Stream stream, ulong zip64Threshold)
    {
        ArgumentNullException.ThrowIfNull(stateDict);
        ArgumentNullException.ThrowIfNull(stream);
        using var scope = NewDisposeScope(); // the CPU and contiguous copies made on the way, if any
        var tensors = stateDict.Select(p => (Name: p.Key, Tensor: p.Value.detach().cpu().contiguous())).ToList();
        var entries = tensors.Select((t, i) => new StateDictPickler.Entry(
            t.Name, i.ToString(System.Globalization.CultureInfo.InvariantCulture), Storages.NameOf(t.Tensor.dtype),
            t.Tensor.numel(), t.Tensor.shape, t.Tensor.stride(), stateDict[t.Name].requires_grad)).ToList();

        var zip = new StoredZipWriter(stream) { Zip64Threshold = zip64Threshold };
        AddBytes(zip, Archive + "data.pkl", StateDictPickler.Pickle(entries));
        AddBytes(zip, Archive + "byteorder", "little"u8);
        for (var i = 0; i < tensors.Count; i++)
        {
            var tensor = tensors[i].Tensor;
            zip.Add(Archive + "data/" + entries[i].Key, (ulong)(tensor.numel() * tensor.ElementSize), s => WriteStorage(tensor, s));
        }
        AddBytes(zip, Archive + "version", "3\n"u8); // the format version torch.save writes for this layout
        zip.Finish();
    }

    /// <summary>
    /// Reads a state dict in PyTorch's format from <paramref name="stream"/> (a file torch.save wrote,
    /// or <see cref="Save"/>), as <c>torch.load(f, weights_only=True)</c> does. The tensors are on the CPU.
    /// </summary>
    /// <exception cref="InvalidDataException">
    /// The bytes are not a complete state dict in PyTorch's format: truncated, corrupt (a checksum does
    /// not match), PyTorch's legacy (pre-1.6) format, or a pickle of something other than tensors by name.
    /// The message says which.
    /// </exception>
    public static Dictionary<string, Tensor> Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var zip = OpenArchive(stream);
        var pickles = zip.Entries.Where(e => e.FullName.EndsWith("/data.pkl", StringComparison.Ordinal)
                                             && e.FullName.IndexOf('/', StringComparison.Ordinal) == e.FullName.Length - "/data.pkl".Length).ToList();
        if (pickles.Count != 1)
            throw new InvalidDataException(
                $"This zip archive is not a file torch.save wrote: it has {pickles.Count} ARCHIVE/data.pkl entries, where PyTorch's format has one.");
        var prefix = pickles[0].FullName[..^"data.pkl".Length];
        if (zip.GetEntry(prefix + "byteorder") is { } order && Encoding.ASCII.GetString(ReadAll(order)) != "little")
            throw new InvalidDataException("This file was saved on a big-endian machine; only little-endian files (every PC and GPU machine) are read here.");

        // A file: stored entries are read straight into their tensors (pread), on several threads at once.
        var file = stream is FileStream { CanSeek: true } fileStream ? (fileStream.SafeFileHandle, StoredEntryOffsets.Read(fileStream.SafeFileHandle)) : default;
        var unpickler = new StateDictUnpickler(ReadAll(pickles[0]), (dtype, key, count) => ReadStorage(zip, file, prefix + "data/" + key, dtype, count));
        try
        {
            var result = new Dictionary<string, Tensor>();
            foreach (var (key, value) in unpickler.Load())
                result[key as string ?? throw new InvalidDataException($"The state dict has a key that is not a name: {key}.")] =
                    value as Tensor ?? throw new InvalidDataException(
                        $"The state dict's entry '{key}' is not a tensor ({value?.GetType().Name ?? "None"}); only tensors by name are read.");
            DisposeAll(unpickler.Storages); // each tensor keeps the memory of its storage alive
            return result;
        }
        catch
        {
            DisposeAll(unpickler.Storages);
            throw;
        }
    }

    static ZipArchive OpenArchive(Stream stream)
    {
        var start = stream.CanSeek ? stream.Position : 0;
        try
        {
            return new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            var legacy = stream.CanSeek && stream.Length - start >= 2 && ReadTwoBytes(stream, start) is [0x80, _];
            throw new InvalidDataException(legacy
                ? "This file is in PyTorch's legacy format (torch.save before PyTorch 1.6, or _use_new_zipfile_serialization=False), " +
                  "which is not read here. Load it in Python and save it again with torch.save."
                : $"This is not a complete file in PyTorch's format (a zip archive): it is truncated or corrupt ({e.Message})", e);
        }
    }

    static byte[] ReadTwoBytes(Stream stream, long start)
    {
        stream.Position = start;
        var bytes = new byte[2];
        stream.ReadExactly(bytes);
        return bytes;
    }

    static Tensor ReadStorage(ZipArchive zip, (SafeFileHandle? Handle, StoredEntryOffsets? Offsets) file, string name, ScalarType dtype, long count)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidDataException($"The file is missing {name}, the bytes of one of its tensors: it is corrupt.");
        var storage = empty(count, dtype);
        try
        {
            var bytes = count * storage.ElementSize;
            if (entry.Length != bytes)
                throw new InvalidDataException($"{name} holds {entry.Length} bytes where its tensor needs {bytes}: the file is corrupt.");
            var crc = file.Offsets?.DataOffset(name, bytes) is { } offset
                ? ReadFromFile(file.Handle!, offset, storage, name)
                : ReadFromStream(entry, storage, name);
            if (crc != entry.Crc32)
                throw new InvalidDataException($"{name} does not match the checksum (CRC-32) recorded when it was saved: the file is corrupt.");
            return storage;
        }
        catch
        {
            storage.Dispose();
            throw;
        }
    }

    static uint ReadFromStream(ZipArchiveEntry entry, Tensor storage, string name)
    {
        var crc = new Crc32();
        using var data = entry.Open();
        Storages.ForEachChunk(storage, span =>
        {
            // A megabyte at a time: the checksum reads each piece while it is still in the CPU's cache.
            for (var at = 0; at < span.Length; at += PieceBytes)
            {
                var piece = span.Slice(at, Math.Min(PieceBytes, span.Length - at));
                try
                {
                    data.ReadExactly(piece);
                }
                catch (EndOfStreamException e)
                {
                    throw Truncated(name, entry.Length, e);
                }
                crc.Append(piece);
            }
        });
        return crc.GetCurrentHashAsUInt32();
    }

    /// <summary>Threads that read a storage's pieces from a file at once (more than 4 gain nothing: memory bandwidth).</summary>
    internal static int ReadThreads { get; set; } = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>
    /// Reads the storage's bytes from <paramref name="file"/> at <paramref name="offset"/> straight into
    /// its memory and returns their CRC-32. The pieces are read and checksummed on several threads at
    /// once, each piece while it is still in its core's cache, and the pieces' CRC-32s combined: the
    /// kernel's work (mapping the new memory, copying from the page cache) and the check are shared
    /// out: on two cores a load then takes about as long as torch.load, which checks nothing.
    /// </summary>
    internal static unsafe uint ReadFromFile(SafeFileHandle file, long offset, Tensor storage, string name)
    {
        var bytes = storage.numel() * storage.ElementSize;
        var pieces = new List<(nint Address, long At, int Length)>();
        long chunkAt = 0;
        Storages.ForEachChunk(storage, span =>
        {
            fixed (byte* chunk = span) // the tensor's own memory, which never moves: its address outlives the span
                for (var at = 0; at < span.Length; at += PieceBytes)
                    pieces.Add(((nint)(chunk + at), chunkAt + at, Math.Min(PieceBytes, span.Length - at)));
            chunkAt += span.Length;
        });
        var crcs = new uint[pieces.Count];
        void Read(int i)
        {
            var (address, at, length) = pieces[i];
            var piece = new Span<byte>((void*)address, length);
            if (!StoredEntryOffsets.ReadAt(file, piece, offset + at)) throw Truncated(name, bytes, null);
            crcs[i] = Crc32.HashToUInt32(piece);
        }
        if (pieces.Count <= 1 || ReadThreads <= 1)
        {
            for (var i = 0; i < pieces.Count; i++) Read(i);
        }
        else
        {
            try
            {
                // Returns once every piece is done or given up: no thread writes into a storage an error is about to free.
                Parallel.For(0, pieces.Count, new ParallelOptions { MaxDegreeOfParallelism = ReadThreads }, Read);
            }
            catch (AggregateException e) // the error itself, as on one thread
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(
                    e.InnerExceptions.OfType<InvalidDataException>().FirstOrDefault() ?? e.InnerExceptions[0]);
            }
        }
        var crc = 0u; // the CRC-32 of no bytes
        for (var i = 0; i < pieces.Count; i++)
            crc = Crc32Combine(crc, crcs[i], pieces[i].Length);
        return crc;
    }

    static InvalidDataException Truncated(string name, long bytes, Exception? inner) =>
        new($"{name} ends before its {bytes} bytes: the file is truncated or corrupt.", inner);

    /// <summary>
    /// The CRC-32 of A followed by B from the CRC-32s of A and of B (<paramref name="lengthB"/> bytes),
    /// as zlib's crc32_combine computes it: A's CRC is carried past B's bytes by multiplying it by
    /// x^(8 lengthB) modulo the CRC's polynomial (bit-reflected, as the CRC itself).
    /// </summary>
    internal static uint Crc32Combine(uint crcA, uint crcB, long lengthB) => Multiply(XPower8(lengthB), crcA) ^ crcB;

    const uint Polynomial = 0xEDB88320; // CRC-32's, reflected

    /// <summary>x^(2^k) modulo the polynomial for k = 0..31; the powers repeat with period 32 (as in zlib).</summary>
    static readonly uint[] XToTwoToThe = PowersOfX();

    static uint[] PowersOfX()
    {
        var table = new uint[32];
        var p = 1u << 30; // x^1
        for (var k = 0; k < 32; k++)
        {
            table[k] = p;
            p = Multiply(p, p);
        }
        return table;
    }

    /// <summary>a times b modulo the polynomial (reflected: bit 31 is x^0).</summary>
    static uint Multiply(uint a, uint b)
    {
        var m = 1u << 31;
        var product = 0u;
        while (true)
        {
            if ((a & m) != 0)
            {
                product ^= b;
                if ((a & (m - 1)) == 0) return product;
            }
            m >>= 1;
            b = (b & 1) != 0 ? (b >> 1) ^ Polynomial : b >> 1;
        }
    }

    /// <summary>x^(8 n) modulo the polynomial: the shift n bytes make.</summary>
    static uint XPower8(long n)
    {
        var p = 1u << 31; // x^0
        for (var k = 3; n != 0; n >>= 1, k++)
            if ((n & 1) != 0) p = Multiply(XToTwoToThe[k & 31], p);
        return p;
    }

    static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var data = entry.Open();
        using var bytes = new MemoryStream();
        data.CopyTo(bytes);
        return bytes.ToArray();
    }

    /// <summary>
    /// Writes the tensor's bytes straight from its memory and returns their CRC-32, in one pass: each
    /// piece is checksummed and then written while it is still in the CPU's cache, as torch.save does.
    /// </summary>
    static uint WriteStorage(Tensor tensor, Stream stream)
    {
        var crc = new Crc32();
        Storages.ForEachChunk(tensor, span =>
        {
            for (var at = 0; at < span.Length; at += PieceBytes)
            {
                var piece = span.Slice(at, Math.Min(PieceBytes, span.Length - at));
                crc.Append(piece);
                stream.Write(piece);
            }
        });
        return crc.GetCurrentHashAsUInt32();
    }

    static void AddBytes(StoredZipWriter zip, string name, ReadOnlySpan<byte> bytes)
    {
        var copy = bytes.ToArray();
        zip.Add(name, (ulong)copy.Length, s =>
        {
            s.Write(copy);
            return Crc32.HashToUInt32(copy);
        });
    }

    static void DisposeAll(IEnumerable<Tensor> tensors)
    {
        foreach (var t in tensors) t.Dispose();
    }
}
