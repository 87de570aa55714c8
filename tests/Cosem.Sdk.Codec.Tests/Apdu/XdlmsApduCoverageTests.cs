using Cosem.Sdk.Apdu;
using static Cosem.Sdk.Codec.Tests.Apdu.ApduRoundTrip;

namespace Cosem.Sdk.Codec.Tests.Apdu;

public class XdlmsApduCoverageTests
{
    /// <summary>One valid vector per variant, all taken from the per-family tests (sources named there).</summary>
    public static readonly string[] Samples =
    [
        "C0 01 C1 00 08 00 00 01 00 00 FF 02 00",
        "C0 01 C1 00 07 01 00 63 01 00 FF 02 01 02 02 04 06 00 00 00 01 06 00 00 00 0A 12 00 01 12 00 00",
        "C0 02 C1 00 00 00 01",
        "C0 03 C1 02 00 01 00 00 2A 00 00 FF 02 00 00 08 00 00 01 00 00 FF 02 00",
        "C4 01 C1 00 06 00 00 13 91",
        "C4 01 C1 01 01",
        "C4 02 C1 01 00 00 00 02 00 05 01 02 03 04 05",
        "C4 02 C1 01 00 00 00 02 01 13",
        "C4 03 C1 02 00 06 00 00 13 91 01 04",
    ];

    [Fact]
    public void Every_supported_tag_has_a_vector()
    {
        var covered = Samples.Select(s => (ApduTag)Hex(s)[0]).ToHashSet();
        var supported = Enum.GetValues<ApduTag>().Where(XdlmsApduDecoder.IsSupported).ToList();
        Assert.NotEmpty(supported);
        Assert.All(supported, tag => Assert.Contains(tag, covered));
        Assert.All(covered, tag => Assert.True(XdlmsApduDecoder.IsSupported(tag), $"{tag} has a vector but is not claimed"));
    }

    [Fact]
    public void Every_sample_round_trips()
    {
        foreach (string hex in Samples)
        {
            byte[] bytes = Hex(hex);
            Assert.Equal(Convert.ToHexString(bytes), Convert.ToHexString(XdlmsApduDecoder.Decode(bytes).ToArray()));
        }
    }

    [Fact]
    public void Tags_outside_the_supported_set_are_refused()
    {
        for (int value = 0; value < 256; value++)
        {
            if (XdlmsApduDecoder.IsSupported((ApduTag)value))
            {
                continue;
            }
            var error = Assert.Throws<CosemEncodingException>(() => XdlmsApduDecoder.Decode(new byte[] { (byte)value, 0, 0, 0 }));
            Assert.Equal("apdu tag", error.Field);
        }
    }
}
