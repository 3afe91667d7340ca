namespace Katas.Kit.TensorBoard;

/// <summary>
/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum TFRecord files use.
/// Not the CRC-32 of zip and Ethernet (System.IO.Hashing.Crc32): same width, another polynomial.
/// </summary>
public static class Crc32C
{
    static readonly uint[] Table = BuildTable();

    /// <summary>The CRC-32C of <paramref name="data"/> (CRC32C("123456789") = 0xE3069283).</summary>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }

    /// <summary>
    /// The checksum as TFRecord stores it: rotated right by 15 bits plus a constant. The mask keeps
    /// a CRC computed over data that itself contains CRCs from being degenerate.
    /// </summary>
    public static uint Masked(ReadOnlySpan<byte> data)
    {
        var crc = Compute(data);
        return ((crc >> 15) | (crc << 17)) + 0xA282EAD8u;
    }

    static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
                c = (c & 1) != 0 ? 0x82F63B78u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        return table;
    }
}
