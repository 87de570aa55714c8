using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.Codec.Tests.Acse;

/// <summary>Whatever the bytes, decoding either succeeds or throws <see cref="CosemEncodingException"/>.</summary>
public class AcseRobustnessTests
{
    internal static readonly string[] Vectors =
    [
        "601DA109060760857405080101BE10040E01000000065F1F0400007E1F04B0",
        "6036A1090607608574050801018A0207808B0760857405080205AC0A80084B35366956616759BE10040E01000000065F1F0400007E1F04B0",
        "6066A109060760857405080103A60A04084D4D4D0000BC614E8A0207808B0760857405080201AC0A80083132333435363738BE34043221303001234567801302FF8A7874133D414CED25B42534D28DB0047720606B175BD52211BE6841DB204D39EE6FDB8E356855",
        "6129A109060760857405080101A203020100A305A103020100BE10040E0800065F1F040000501F01F40007",
        "6142A109060760857405080101A203020100A305A10302010E88020780890760857405080205AA0A8008503677524A323146BE10040E0800065F1F040000501F01F40007",
        "611FA109060760857405080101A203020101A305A103020101BE0604040E010601",
        "6148A109060760857405080103A203020100A305A103020100A40A04084C475A2022604828BE230421281F300000005AE916783AF33B5317AD0E453A799A65F26AE97660CF8B14FEB7B0",
        "6316800100BE11040F080100065F1F0400001E1D04C80007",
        "6239800100BE34043221303001234567801302FF8A7874133D414CED25B42534D28DB0047720606B175BD52211BE6841DB204D39EE6FDB8E356855",
        "01011000112233445566778899AABBCCDDEEFF0000065F1F0400007E1F04B0",
        "0800065F1F040000501F01F40007",
        "0E010601",
    ];

    private static void DecodeOrEncodingError(byte[] bytes)
    {
        try
        {
            var apdu = ApduDecoder.DecodeAcse(bytes);
            // Whatever decoded must encode again, and what it encodes must decode.
            ApduDecoder.DecodeAcse(apdu.ToArray());
        }
        catch (CosemEncodingException error)
        {
            Assert.True(error.Offset >= -1 && error.Offset <= bytes.Length, $"offset {error.Offset} outside 0..{bytes.Length}");
        }
    }

    [Fact]
    public void Every_truncation_of_every_vector_is_an_encoding_error()
    {
        foreach (var hex in Vectors)
        {
            var bytes = HexText.Bytes(hex);
            for (int length = 0; length < bytes.Length; length++)
            {
                var truncated = bytes.AsSpan(0, length).ToArray();
                Assert.Throws<CosemEncodingException>(() => ApduDecoder.DecodeAcse(truncated));
            }
        }
    }

    [Fact]
    public void Every_single_byte_corruption_decodes_or_fails_cleanly()
    {
        foreach (var hex in Vectors)
        {
            var bytes = HexText.Bytes(hex);
            for (int i = 0; i < bytes.Length; i++)
            {
                foreach (byte value in new byte[] { 0x00, 0x01, 0x1F, 0x7F, 0x80, 0x81, 0x84, 0xFF, (byte)(bytes[i] ^ 0x20), (byte)(bytes[i] + 1) })
                {
                    var corrupted = (byte[])bytes.Clone();
                    corrupted[i] = value;
                    DecodeOrEncodingError(corrupted);
                }
            }
        }
    }

    // Random bytes, TLV soups and random mutations: Properties/RobustnessProperties.cs (CsCheck, with shrinking).
}
