using System.Text;
using Katas.Kit.TensorBoard;

namespace Katas.Kit.Tests.TensorBoard;

public class Crc32CTests
{
    [Fact]
    public void The_check_value_of_123456789_is_E3069283()
    {
        Crc32C.Compute(Encoding.ASCII.GetBytes("123456789")).ShouldBe(0xE3069283u, "the standard check value of CRC-32C (Castagnoli)");
    }

    [Fact]
    public void It_matches_the_iSCSI_test_vectors_of_RFC_3720()
    {
        Crc32C.Compute([]).ShouldBe(0u);
        Crc32C.Compute(new byte[32]).ShouldBe(0x8A9136AAu, "32 bytes of zeros");
        Crc32C.Compute(Enumerable.Repeat((byte)0xFF, 32).ToArray()).ShouldBe(0x62A8AB43u, "32 bytes of 0xFF");
        Crc32C.Compute(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray()).ShouldBe(0x46DD794Eu, "bytes 0, 1, ..., 31");
        Crc32C.Compute(Enumerable.Range(0, 32).Select(i => (byte)(31 - i)).ToArray()).ShouldBe(0x113FDB5Cu, "bytes 31, 30, ..., 0");
    }

    [Fact]
    public void It_is_not_the_IEEE_CRC_32_of_zip()
    {
        // CRC-32 (IEEE) of "123456789" is 0xCBF43926: the two share a width, not a polynomial.
        Crc32C.Compute(Encoding.ASCII.GetBytes("123456789")).ShouldNotBe(0xCBF43926u);
    }

    [Fact]
    public void The_masked_form_rotates_right_by_15_and_adds_A282EAD8()
    {
        var data = Encoding.ASCII.GetBytes("123456789");
        const uint crc = 0xE3069283u;
        var expected = unchecked(((crc >> 15) | (crc << 17)) + 0xA282EAD8u);

        Crc32C.Masked(data).ShouldBe(expected);
    }
}
