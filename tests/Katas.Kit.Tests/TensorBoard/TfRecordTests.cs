using System.Buffers.Binary;
using Katas.Kit.TensorBoard;

namespace Katas.Kit.Tests.TensorBoard;

public class TfRecordTests
{
    static byte[] Records(params byte[][] payloads)
    {
        using var stream = new MemoryStream();
        foreach (var payload in payloads) TfRecord.Write(stream, payload);
        return stream.ToArray();
    }

    [Fact]
    public void A_record_is_length_masked_crc_of_length_payload_masked_crc_of_payload()
    {
        byte[] payload = [1, 2, 3, 4, 5];

        var bytes = Records(payload);

        bytes.Length.ShouldBe(8 + 4 + 5 + 4);
        BinaryPrimitives.ReadUInt64LittleEndian(bytes).ShouldBe(5ul);
        BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)).ShouldBe(Crc32C.Masked(bytes.AsSpan(0, 8)));
        bytes[12..17].ShouldBe(payload);
        BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(17)).ShouldBe(Crc32C.Masked(payload));
    }

    [Fact]
    public void Records_read_back_in_order_with_their_offsets()
    {
        var bytes = Records([7], [], [1, 2, 3]);

        var records = TfRecord.Parse(bytes, "f");

        records.Select(r => r.Offset).ShouldBe([0L, 17L, 33L]);
        records.Select(r => r.Payload.Length).ShouldBe([1, 0, 3]);
        records[2].Payload.ShouldBe(new byte[] { 1, 2, 3 });
    }

    [Fact]
    public void A_damaged_length_is_reported_with_the_file_and_offset()
    {
        var bytes = Records([1, 2, 3], [4, 5, 6]);
        bytes[19] ^= 0x01; // inside the second record's length (it starts at byte 19)

        var error = Should.Throw<CorruptEventFileException>(() => TfRecord.Parse(bytes, "runs/a/events.out.tfevents.1"));

        error.Path.ShouldBe("runs/a/events.out.tfevents.1");
        error.Offset.ShouldBe(19);
        error.Message.ShouldContain("runs/a/events.out.tfevents.1 is corrupt at byte 19");
        error.Message.ShouldContain("length field fails its checksum");
    }

    [Fact]
    public void A_damaged_payload_is_reported_with_the_file_and_offset()
    {
        var bytes = Records([1, 2, 3], [4, 5, 6]);
        bytes[19 + 12 + 1] ^= 0x80; // a payload byte of the second record

        var error = Should.Throw<CorruptEventFileException>(() => TfRecord.Parse(bytes, "f"));

        error.Offset.ShouldBe(19);
        error.Message.ShouldContain("3-byte payload (from byte 31) fails its checksum");
    }

    [Fact]
    public void A_damaged_payload_checksum_is_reported()
    {
        var bytes = Records([1, 2, 3]);
        bytes[^1] ^= 0xFF;

        Should.Throw<CorruptEventFileException>(() => TfRecord.Parse(bytes, "f")).Offset.ShouldBe(0);
    }

    [Theory]
    [InlineData(5, "after 5 of its 12 header bytes (truncated)")]   // cut inside the header
    [InlineData(14, "announces 3 payload bytes")]                     // cut inside the payload
    [InlineData(18, "announces 3 payload bytes")]                     // cut inside the final checksum
    public void A_truncated_record_is_reported_as_truncated(int keep, string expected)
    {
        var bytes = Records([9, 9, 9], [1, 2, 3]);
        var cut = bytes[..(19 + keep)];

        var error = Should.Throw<CorruptEventFileException>(() => TfRecord.Parse(cut, "f"));

        error.Offset.ShouldBe(19);
        error.Message.ShouldContain(expected);
        error.Message.ShouldContain("truncated");
    }

    [Fact]
    public void ReadAll_reads_a_file_and_names_it_in_errors()
    {
        using var folder = new TempFolder("katas-tensorboard-");
        var path = folder.File("events.out.tfevents.test");
        var bytes = Records([1], [2, 2]);
        File.WriteAllBytes(path, bytes[..^2]);

        var error = Should.Throw<CorruptEventFileException>(() => TfRecord.ReadAll(path));

        error.Message.ShouldStartWith($"{path} is corrupt at byte 17");
    }
}
