using Cosem.Sdk.Apdu;
using Cosem.Sdk.Codec.Tests.Acse;

namespace Cosem.Sdk.Codec.Tests.Apdu;

/// <summary>Traces never show the secrets a client sends in the clear; everything else stays as it was.</summary>
public class ApduRedactionTests
{
    // LLS AARQ with password "12345678" (own; the same bytes as AarqApduTests.LowLevelAarq).
    private const string Aarq = "6036A1090607608574050801018A0207808B0760857405080201AC0A80083132333435363738BE10040E01000000065F1F0400007E1F04B0";
    private const string MaskedAarq = "6036A1090607608574050801018A0207808B0760857405080201AC0A********************BE10040E01000000065F1F0400007E1F04B0";

    [Fact]
    public void The_lls_password_of_an_aarq_is_masked_and_nothing_else_changes() =>
        Assert.Equal(MaskedAarq, ApduRedaction.ToHex(HexText.Bytes(Aarq)));

    [Theory]
    [InlineData("000100100001", "0038")]                 // wrapper header (version 1, wPorts 16 -> 1, length 0x38)
    [InlineData("7EA04602212110B4EAE6E600", "XXXX7E")]   // HDLC header and LLC; FCS and flag after
    public void The_password_is_masked_inside_a_frame(string before, string after)
    {
        var frame = HexText.Bytes(before + Aarq + after.Replace("XXXX", "1234", StringComparison.Ordinal));
        var hex = ApduRedaction.ToHex(frame);
        Assert.DoesNotContain("3132333435363738", hex, StringComparison.Ordinal);
        Assert.Contains(MaskedAarq, hex, StringComparison.Ordinal);
    }

    [Fact]
    public void A_segment_cut_inside_the_password_is_masked_to_its_end()
    {
        var cut = HexText.Bytes(Aarq[..(2 * 31)]); // ends after the first password octet
        Assert.Equal(MaskedAarq[..(2 * 28)] + new string('*', 6), ApduRedaction.ToHex(cut));
    }

    [Fact]
    public void An_aarq_without_authentication_is_left_alone()
    {
        const string plain = "601DA109060760857405080101BE10040E01000000065F1F0400007E1F04B0";
        Assert.Equal(plain, ApduRedaction.ToHex(HexText.Bytes(plain)));
    }

    [Theory]
    // SET-Request-Normal of Association LN (class 15) attribute 7 (secret) = octet-string "newsecret".
    [InlineData("C10141000F0000280001FF0700" + "09096E6577736563726574", true)]
    // ACTION-Request-Normal of Association LN method 2 (change_HLS_secret) with parameters.
    [InlineData("C30141000F0000280001FF0201" + "0910303132333435363738394142434445", true)]
    // The same SET to the clock (class 8) attribute 7 carries no secret.
    [InlineData("C1014100080000010000FF0700" + "0F05", false)]
    // GET of the secret attribute carries no value.
    [InlineData("C00141000F0000280001FF0700", false)]
    public void Secret_writes_to_an_association_are_masked(string apdu, bool masked)
    {
        var hex = ApduRedaction.ToHex(HexText.Bytes(apdu));
        Assert.Equal(masked ? apdu[..26] + new string('*', apdu.Length - 26) : apdu, hex);
    }
}
