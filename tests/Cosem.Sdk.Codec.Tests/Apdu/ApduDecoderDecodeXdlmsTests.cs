using Cosem.Sdk.Apdu;
using static Cosem.Sdk.Codec.Tests.Apdu.ApduRoundTrip;

namespace Cosem.Sdk.Codec.Tests.Apdu;

public class ApduDecoderDecodeXdlmsTests
{
    [Theory]
    [InlineData("01 00 00 00")] // InitiateRequest: decoded by the ACSE layer, not here
    [InlineData("60 00")] // AARQ
    [InlineData("FF")]
    [InlineData("00")]
    public void Unknown_tag_names_the_offset_and_the_field(string hex)
    {
        var error = Assert.Throws<CosemEncodingException>(() => ApduDecoder.DecodeXdlms(Hex(hex)));
        Assert.Equal(0, error.Offset);
        Assert.Equal("apdu tag", error.Field);
    }

    [Fact]
    public void Empty_input_is_refused()
    {
        var error = Assert.Throws<CosemEncodingException>(() => ApduDecoder.DecodeXdlms(ReadOnlyMemory<byte>.Empty));
        Assert.Equal(0, error.Offset);
    }

    [Fact]
    public void Decoded_values_are_slices_of_the_input_not_copies()
    {
        byte[] bytes = Hex("C4 01 C1 00 06 00 00 13 91");
        var apdu = (GetResponseNormal)ApduDecoder.DecodeXdlms(bytes);
        bytes[5] = 0x7F;
        Assert.Equal(0x7F, apdu.Result.Data.Span[1]);
    }

    // Random and mutated input: Properties/RobustnessProperties.cs (CsCheck, with shrinking).
}
