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

    [Fact]
    public void Random_and_truncated_input_only_ever_raises_CosemEncodingException()
    {
        var random = new Random(20260124);
        var tags = Enum.GetValues<ApduTag>().Select(t => (byte)t).ToArray();
        for (int i = 0; i < 20000; i++)
        {
            int length = random.Next(0, 48);
            var bytes = new byte[length];
            random.NextBytes(bytes);
            if (length > 0 && random.Next(4) != 0)
            {
                // Mostly start with a real tag and a small choice so decoding gets past the first bytes.
                bytes[0] = tags[random.Next(tags.Length)];
                if (length > 1 && random.Next(2) == 0)
                {
                    bytes[1] = (byte)random.Next(0, 8);
                }
            }
            AssertDecodesOrRefuses(bytes);
        }
    }

    [Fact]
    public void Mutated_valid_vectors_only_ever_raise_CosemEncodingException()
    {
        var random = new Random(7);
        foreach (string hex in XdlmsApduCoverageTests.AllSamples)
        {
            byte[] original = Hex(hex);
            for (int i = 0; i < 300; i++)
            {
                byte[] bytes = (byte[])original.Clone();
                int flips = random.Next(1, 4);
                for (int f = 0; f < flips; f++)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }
                int length = random.Next(2) == 0 ? bytes.Length : random.Next(bytes.Length + 1);
                AssertDecodesOrRefuses(bytes.AsMemory(0, length));
            }
        }
    }

    private static void AssertDecodesOrRefuses(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            var apdu = ApduDecoder.DecodeXdlms(bytes);
            // Whatever decodes must encode again without failing.
            apdu.ToArray();
        }
        catch (CosemEncodingException)
        {
        }
    }
}
