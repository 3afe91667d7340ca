using System.Buffers.Binary;
using System.IO.Compression;
using TorchSharp.PyBridge;

namespace Katas.Kit.Tests;

/// <summary>
/// PyTorch's file format: what torch.save wrote loads here, what is written here loads in PyTorch
/// and in TorchSharp.PyBridge, entries are stored and aligned as torch.save stores them, and
/// damaged or hostile files are refused with a message, never loaded as garbage.
/// </summary>
public class PyTorchFileTests
{
    static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "fixtures");

    /// <summary>The state dict fixtures/torch_files.py builds, built the same way here.</summary>
    static Dictionary<string, Tensor> Expected()
    {
        var b = arange(10, dtype: ScalarType.Int64);
        return new()
        {
            ["weight"] = arange(12, dtype: ScalarType.Float32).reshape(3, 4) / 4,
            ["transposed"] = arange(6, dtype: ScalarType.Float64).reshape(2, 3).t(),
            ["base"] = b,
            ["slice"] = b[2..5],
            ["mask"] = tensor(new[] { true, false, true }),
            ["half"] = arange(4, dtype: ScalarType.Float16),
            ["bfloat"] = arange(3, dtype: ScalarType.BFloat16),
            ["scalar"] = tensor(7, dtype: ScalarType.Int32),
            ["empty"] = zeros(0, 3),
        };
    }

    static void ShouldBeTheSame(Dictionary<string, Tensor> actual, Dictionary<string, Tensor> expected, string source)
    {
        actual.Keys.ShouldBe(expected.Keys, $"{source}: the same names, in the same order");
        foreach (var (name, tensor) in expected)
        {
            actual[name].dtype.ShouldBe(tensor.dtype, $"{source}: {name}'s type");
            actual[name].ShouldEqual(tensor, $"{source}: {name}'s shape and values");
        }
    }

    static byte[] Saved(Dictionary<string, Tensor> stateDict, ulong? zip64Threshold = null)
    {
        using var buffer = new MemoryStream();
        PyTorchFile.Save(stateDict, buffer, zip64Threshold ?? uint.MaxValue);
        return buffer.ToArray();
    }

    [Fact]
    public void A_file_torch_save_wrote_loads_with_its_types_shapes_views_and_shared_storages()
    {
        using var file = File.OpenRead(Path.Combine(Fixtures, "torch_save.pt"));

        var loaded = PyTorchFile.Load(file);

        ShouldBeTheSame(loaded, Expected(), "torch_save.pt (PyTorch 1.13)");
    }

    [Fact]
    public void A_state_dict_reads_back_as_it_was_written_even_in_chunks_smaller_than_a_tensor()
    {
        ShouldBeTheSame(PyTorchFile.Load(new MemoryStream(Saved(Expected()))), Expected(), "written and read back");

        var before = Storages.ChunkBytes;
        try
        {
            Storages.ChunkBytes = 12; // tensors > 2 GiB go through a span in chunks: the same path, smaller
            ShouldBeTheSame(PyTorchFile.Load(new MemoryStream(Saved(Expected()))), Expected(), "written and read in 12-byte chunks");
        }
        finally
        {
            Storages.ChunkBytes = before;
        }
    }

    [Fact]
    public void Every_entry_is_stored_uncompressed_with_its_data_aligned_to_64_bytes_as_torch_save_does()
    {
        var bytes = Saved(Expected());

        var entries = LocalEntries(bytes);

        entries.Select(e => e.Name).ShouldBe(
            ["archive/data.pkl", "archive/byteorder", .. Enumerable.Range(0, 9).Select(i => $"archive/data/{i}"), "archive/version"],
            "the entries torch.save writes, data.pkl first (torch.load takes the archive's name from the first entry)");
        foreach (var e in entries)
        {
            e.Method.ShouldBe((ushort)0, $"{e.Name} is stored (method 0), not deflated");
            (e.DataOffset % 64).ShouldBe(0, $"{e.Name}'s data starts on a 64-byte boundary");
        }
    }

    [Fact]
    public void Zip64_records_where_sizes_pass_4_GiB_are_read_back_by_dotnet_and_by_this_reader()
    {
        var bytes = Saved(Expected(), zip64Threshold: 0); // every size and offset in ZIP64 records, as past 4 GiB

        using (var zip = new ZipArchive(new MemoryStream(bytes)))
            zip.GetEntry("archive/data/0")!.Length.ShouldBe(48, ".NET's zip reader reads the ZIP64 sizes");
        ShouldBeTheSame(PyTorchFile.Load(new MemoryStream(bytes)), Expected(), "with ZIP64 records");
    }

    [Fact]
    public void TorchSharp_PyBridge_reads_what_is_written_here_and_what_it_writes_reads_here()
    {
        var model = new Dictionary<string, Tensor> { ["fc.weight"] = randn(8, 4), ["fc.bias"] = randn(8), ["steps"] = tensor(3L) };

        var byPyBridge = PyTorchUnpickler.UnpickleStateDict(new MemoryStream(Saved(model)));
        using var deflated = new MemoryStream();
        PyTorchPickler.PickleStateDict(deflated, new System.Collections.Hashtable(model), leaveOpen: true);
        deflated.Position = 0;
        var fromPyBridge = PyTorchFile.Load(deflated);

        foreach (var (name, tensor) in model)
        {
            ((Tensor)byPyBridge[name]!).ShouldEqual(tensor, $"PyBridge reads {name}");
            fromPyBridge[name].ShouldEqual(tensor, $"a file PyBridge wrote (deflated entries) loads here: {name}");
        }
    }

    [Fact]
    public void PyTorch_loads_what_is_written_here()
    {
        var python = PythonForTests.Find();
        Assert.SkipWhen(python is null, PythonForTests.SkipReason);
        using var folder = new TempFolder("katas-kit-");
        File.WriteAllBytes(folder.File("from-csharp.pt"), Saved(Expected()));
        File.WriteAllBytes(folder.File("from-csharp-zip64.pt"), Saved(Expected(), zip64Threshold: 0));

        var (code, output) = PythonForTests.Run(python!, Path.Combine(Fixtures, "torch_files.py"), "check",
            folder.File("from-csharp.pt"), folder.File("from-csharp-zip64.pt"));

        code.ShouldBe(0, $"torch.load reads both files and finds every tensor equal:\n{output}");
        output.ShouldContain("9 tensors equal");
    }

    [Fact]
    public void A_truncated_file_is_refused_as_truncated()
    {
        var bytes = Saved(Expected());

        foreach (var length in new[] { bytes.Length / 2, bytes.Length - 10, 3 })
        {
            var error = Should.Throw<InvalidDataException>(() => PyTorchFile.Load(new MemoryStream(bytes[..length])));
            error.Message.ShouldContain("truncated", Case.Insensitive, $"cut to {length} of {bytes.Length} bytes");
        }
    }

    [Fact]
    public void A_changed_byte_inside_a_tensor_is_caught_by_its_checksum()
    {
        var bytes = Saved(Expected());
        var weight = LocalEntries(bytes).Single(e => e.Name == "archive/data/0");
        bytes[weight.DataOffset + 5] ^= 0x40; // one bit of one float: it would load as a plausible wrong weight

        var error = Should.Throw<InvalidDataException>(() => PyTorchFile.Load(new MemoryStream(bytes)));

        error.Message.ShouldContain("archive/data/0", Case.Sensitive, "name the damaged entry");
        error.Message.ShouldContain("corrupt", Case.Insensitive);
    }

    /// <summary>A state dict with a tensor of several pieces (1 MB each), which a file reads on several threads.</summary>
    static Dictionary<string, Tensor> Large()
    {
        manual_seed(1);
        return new() { ["small"] = arange(5, dtype: ScalarType.Float32), ["large"] = randn(3, 300_001), ["empty"] = zeros(0) };
    }

    [Fact]
    public void A_file_is_read_straight_into_the_tensors_from_where_each_entrys_data_starts()
    {
        foreach (var threshold in new ulong[] { uint.MaxValue, 0 }) // classic and ZIP64 records
        {
            using var folder = new TempFolder("katas-kit-");
            var path = folder.File("state.pt");
            var bytes = Saved(Large(), threshold);
            File.WriteAllBytes(path, bytes);
            using var file = File.OpenRead(path);

            var offsets = StoredEntryOffsets.Read(file.SafeFileHandle).ShouldNotBeNull($"the directory is read (ZIP64: {threshold == 0})");

            using var zip = new ZipArchive(new MemoryStream(bytes));
            foreach (var e in LocalEntries(bytes))
                offsets.DataOffset(e.Name, zip.GetEntry(e.Name)!.Length).ShouldBe(e.DataOffset, $"{e.Name} (ZIP64: {threshold == 0})");
            offsets.DataOffset("archive/data/1", 7).ShouldBeNull("a size that is not the entry's: ZipArchive's stream reads it");
            offsets.DataOffset("archive/missing", 0).ShouldBeNull();
            ShouldBeTheSame(PyTorchFile.Load(file), Large(), $"read from a file (ZIP64: {threshold == 0})");
        }
    }

    [Fact]
    public void A_file_reads_the_same_on_one_thread_and_on_several_and_in_chunks_smaller_than_a_tensor()
    {
        using var folder = new TempFolder("katas-kit-");
        var path = folder.File("state.pt");
        File.WriteAllBytes(path, Saved(Large()));
        var (threads, chunk) = (PyTorchFile.ReadThreads, Storages.ChunkBytes);
        try
        {
            foreach (var (t, c) in new[] { (1, chunk), (4, chunk), (4, 1_000_000L) })
            {
                (PyTorchFile.ReadThreads, Storages.ChunkBytes) = (t, c);
                using var file = File.OpenRead(path);
                ShouldBeTheSame(PyTorchFile.Load(file), Large(), $"{t} threads, {c}-byte chunks");
            }
        }
        finally
        {
            (PyTorchFile.ReadThreads, Storages.ChunkBytes) = (threads, chunk);
        }
    }

    [Fact]
    public void A_changed_byte_in_the_middle_of_a_large_tensor_in_a_file_is_caught_by_its_checksum()
    {
        var bytes = Saved(Large());
        var large = LocalEntries(bytes).Single(e => e.Name == "archive/data/1");
        using var folder = new TempFolder("katas-kit-");
        var path = folder.File("corrupt.pt");
        foreach (var at in new[] { 5, 1_800_003, 3_600_007 }) // in the first, a middle and the last of the 1 MB pieces
        {
            var corrupt = bytes.ToArray();
            corrupt[large.DataOffset + at] ^= 0x40;
            File.WriteAllBytes(path, corrupt);
            using var file = File.OpenRead(path);

            var error = Should.Throw<InvalidDataException>(() => PyTorchFile.Load(file));

            error.Message.ShouldContain("archive/data/1", Case.Sensitive, $"name the damaged entry (byte {at})");
            error.Message.ShouldContain("corrupt", Case.Insensitive);
        }
    }

    [Fact]
    public void A_file_with_deflated_entries_or_cut_short_is_read_or_refused_as_from_any_stream()
    {
        using var folder = new TempFolder("katas-kit-");
        var model = new Dictionary<string, Tensor> { ["fc.weight"] = randn(8, 4), ["fc.bias"] = randn(8) };
        using (var deflated = File.Create(folder.File("pybridge.pt")))
            PyTorchPickler.PickleStateDict(deflated, new System.Collections.Hashtable(model), leaveOpen: true);
        using (var file = File.OpenRead(folder.File("pybridge.pt")))
        {
            var loaded = PyTorchFile.Load(file);
            foreach (var (name, tensor) in model)
                loaded[name].ShouldEqual(tensor, $"a deflated entry in a file goes through ZipArchive's stream: {name}");
        }

        var bytes = Saved(Large());
        File.WriteAllBytes(folder.File("cut.pt"), bytes[..(bytes.Length / 2)]);
        using var cut = File.OpenRead(folder.File("cut.pt"));
        Should.Throw<InvalidDataException>(() => PyTorchFile.Load(cut)).Message.ShouldContain("truncated", Case.Insensitive);
    }

    [Fact]
    public void Checksums_of_pieces_combine_into_the_checksum_of_the_whole()
    {
        var data = new byte[10_000];
        new Random(7).NextBytes(data);
        foreach (var split in new[] { 0, 1, 3, 4096, 9_999, 10_000 })
        {
            var a = System.IO.Hashing.Crc32.HashToUInt32(data.AsSpan(0, split));
            var b = System.IO.Hashing.Crc32.HashToUInt32(data.AsSpan(split));
            PyTorchFile.Crc32Combine(a, b, data.Length - split)
                .ShouldBe(System.IO.Hashing.Crc32.HashToUInt32(data), $"split at {split}");
        }
    }

    [Fact]
    public void A_pickle_that_calls_anything_but_a_tensor_rebuild_is_refused_without_running_it()
    {
        // What a malicious .pt file does: data.pkl calls os.system("...") (GLOBAL 'os system', a string, TUPLE1, REDUCE).
        var marker = Path.Combine(Path.GetTempPath(), $"katas-pwned-{Guid.NewGuid():N}");
        var pickle = new List<byte> { 0x80, 2 };
        pickle.AddRange("cos\nsystem\n"u8.ToArray());
        var command = System.Text.Encoding.ASCII.GetBytes($"touch {marker}");
        pickle.Add((byte)'X');
        pickle.AddRange(BitConverter.GetBytes(command.Length));
        pickle.AddRange(command);
        pickle.AddRange([0x85, (byte)'R', (byte)'.']);
        using var file = new MemoryStream();
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var entry = zip.CreateEntry("archive/data.pkl").Open()) entry.Write(pickle.ToArray());
            using (var entry = zip.CreateEntry("archive/version").Open()) entry.Write("3\n"u8);
        }
        file.Position = 0;

        var error = Should.Throw<InvalidDataException>(() => PyTorchFile.Load(file));

        error.Message.ShouldContain("os.system", Case.Sensitive, "say what the file asked for");
        error.Message.ShouldContain("state_dict()", Case.Sensitive, "say how to save a file that loads");
        File.Exists(marker).ShouldBeFalse("nothing the pickle names is ever run");
    }

    [Fact]
    public void A_file_in_PyTorchs_legacy_format_is_refused_with_what_to_do()
    {
        byte[] legacy = [0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19, .. new byte[200]];

        var error = Should.Throw<InvalidDataException>(() => PyTorchFile.Load(new MemoryStream(legacy)));

        error.Message.ShouldContain("legacy format", Case.Sensitive);
        error.Message.ShouldContain("save it again", Case.Insensitive);
    }

    [Fact]
    public void Each_entry_is_written_in_one_pass_with_its_checksum_in_a_data_descriptor_as_torch_save_writes_it()
    {
        foreach (var threshold in new ulong[] { uint.MaxValue, 0 }) // classic and ZIP64 records
        {
            var bytes = Saved(Expected(), threshold);
            using var zip = new ZipArchive(new MemoryStream(bytes));

            foreach (var e in LocalEntries(bytes))
            {
                var central = zip.GetEntry(e.Name)!;
                (e.Flags & 0x0008).ShouldBe(0x0008, $"{e.Name}: bit 3 set, CRC-32 and sizes follow the data (torch.save's 0x0808)");
                e.LocalCrc.ShouldBe(0u, $"{e.Name}: the local header's CRC-32 is 0, as torch.save writes it");
                var data = bytes.AsSpan(e.DataOffset, (int)central.CompressedLength);
                e.DescriptorCrc.ShouldBe(System.IO.Hashing.Crc32.HashToUInt32(data), $"{e.Name}: the descriptor holds the data's CRC-32");
                e.DescriptorCrc.ShouldBe(central.Crc32, $"{e.Name}: the same CRC-32 as the central directory");
                e.DescriptorSize.ShouldBe((ulong)central.Length, $"{e.Name}: the descriptor holds the size (ZIP64: {threshold == 0})");
            }
        }
    }

    [Fact]
    public void A_state_dict_is_written_to_a_stream_that_cannot_seek_and_loads_back()
    {
        using var buffer = new MemoryStream();

        PyTorchFile.Save(Expected(), new ForwardOnly(buffer));

        buffer.ToArray().ShouldBe(Saved(Expected()), "the same bytes as to a seekable stream: nothing is patched afterwards");
        ShouldBeTheSame(PyTorchFile.Load(new MemoryStream(buffer.ToArray())), Expected(), "written to a forward-only stream");
    }

    /// <summary>A write-only stream that cannot seek or tell its position (a pipe, a socket, a compressor).</summary>
    sealed class ForwardOnly(Stream inner) : Stream
    {
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    /// <summary>
    /// Each entry's name, flags, compression method, data offset, local CRC-32 and what its data
    /// descriptor holds, from the local headers in file order (sizes from the central directory).
    /// </summary>
    static List<(string Name, ushort Flags, ushort Method, int DataOffset, uint LocalCrc, uint DescriptorCrc, ulong DescriptorSize)> LocalEntries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        var entries = new List<(string, ushort, ushort, int, uint, uint, ulong)>();
        var at = 0;
        while (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(at)) == 0x04034b50)
        {
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 6));
            var method = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 8));
            var localCrc = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(at + 14));
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 26));
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 28));
            var name = System.Text.Encoding.UTF8.GetString(zip, at + 30, nameLength);
            var zip64 = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 30 + nameLength)) == 0x0001; // ZIP64 record first
            var data = at + 30 + nameLength + extraLength;
            at = data + (int)archive.GetEntry(name)!.CompressedLength;
            uint descriptorCrc = 0;
            ulong descriptorSize = 0;
            if ((flags & 0x0008) != 0)
            {
                BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(at)).ShouldBe(0x08074b50u, $"{name}: a data descriptor follows the data");
                descriptorCrc = BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(at + 4));
                descriptorSize = zip64 ? BinaryPrimitives.ReadUInt64LittleEndian(zip.AsSpan(at + 16)) : BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(at + 12));
                at += zip64 ? 24 : 16;
            }
            entries.Add((name, flags, method, data, localCrc, descriptorCrc, descriptorSize));
        }
        return entries;
    }
}
