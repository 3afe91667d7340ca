using System.Buffers.Binary;
using Katas.Kit.Data;

namespace Katas.Kit.Tests;

public class IdxTests
{
    static byte[] File3D(int count, int rows, int cols, int? payload = null, uint magic = 0x00000803)
    {
        var header = new byte[16];
        BinaryPrimitives.WriteUInt32BigEndian(header, magic);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(8), rows);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(12), cols);
        var data = Enumerable.Range(0, payload ?? count * rows * cols).Select(i => (byte)i).ToArray();
        return [.. header, .. data];
    }

    [Fact]
    public void A_well_formed_file_gives_its_shape_and_values()
    {
        var (shape, data) = Idx.Parse(File3D(2, 3, 4), "x", expectedDimensions: 3);

        shape.ShouldBe([2, 3, 4]);
        data.Length.ShouldBe(24);
        data[23].ShouldBe((byte)23);
    }

    [Fact]
    public void A_wrong_magic_number_is_named_with_the_expected_one()
    {
        var error = Should.Throw<InvalidIdxFileException>(() => Idx.Parse(File3D(2, 3, 4, magic: 0x00000801), "images", 3));

        error.Message.ShouldContain("wrong magic number 0x00000801, expected 0x00000803");
        error.Message.ShouldContain("images");
    }

    [Fact]
    public void A_truncated_header_is_reported()
    {
        var error = Should.Throw<InvalidIdxFileException>(() => Idx.Parse(File3D(2, 3, 4)[..10], "images", 3));

        error.Message.ShouldContain("truncated");
    }

    [Fact]
    public void Missing_values_are_reported_with_how_many_were_promised()
    {
        var error = Should.Throw<InvalidIdxFileException>(() => Idx.Parse(File3D(2, 3, 4, payload: 20), "images", 3));

        error.Message.ShouldContain("promises 24 values but only 20 follow (truncated)");
    }

    [Fact]
    public void Extra_bytes_are_reported()
    {
        var error = Should.Throw<InvalidIdxFileException>(() => Idx.Parse(File3D(2, 3, 4, payload: 30), "images", 3));

        error.Message.ShouldContain("6 extra bytes");
    }

    [Fact]
    public void A_missing_file_is_an_idx_error_not_a_raw_io_exception()
    {
        Should.Throw<InvalidIdxFileException>(() => Idx.ReadUnsignedBytes("/no/such/file-idx3-ubyte", 3))
            .Message.ShouldContain("does not exist");
    }
}
