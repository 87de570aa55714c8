using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.Codec.Tests.Apdu;

public class ApduDecoderTests
{
    [Theory]
    // DLMS UA Green Book, AARQ example (LN referencing, no security).
    [InlineData("601DA109060760857405080101BE10040E01000000065F1F0400007E1F04B0", typeof(AarqApdu))]
    // DLMS UA Green Book, GET-Request-Normal for the clock's time attribute.
    [InlineData("C001C100080000010000FF0200", typeof(GetRequestNormal))]
    public void Dispatches_association_and_service_apdus(string hex, Type expected)
    {
        var bytes = Convert.FromHexString(hex);
        var apdu = ApduDecoder.Decode(bytes);
        Assert.IsType(expected, apdu);
        Assert.Equal(bytes, apdu.ToArray());
    }

    [Fact]
    public void Every_tag_is_either_decodable_or_refused_with_a_typed_error()
    {
        for (int tag = 0; tag < 256; tag++)
        {
            var bytes = new byte[] { (byte)tag };
            var error = Assert.Throws<CosemEncodingException>(() => ApduDecoder.Decode(bytes));
            // A known tag runs out of bytes right after itself; an unknown one is refused where it stands.
            Assert.Equal(ApduDecoder.CanDecode((ApduTag)tag) ? 1 : 0, error.Offset);
        }
        var empty = Assert.Throws<CosemEncodingException>(() => ApduDecoder.Decode(ReadOnlyMemory<byte>.Empty));
        Assert.Equal(0, empty.Offset);
        Assert.Equal("apdu tag", empty.Field);
    }
}
