using System.Buffers;
using Cosem.Sdk.Security;
using static Cosem.Sdk.Tests.Security.GcmReference;

namespace Cosem.Sdk.Tests.Security;

/// <summary>
/// The worked examples of DLMS UA 1000-2 (Green Book) Ed. 8, §9.2.7.2.4 "Cryptographic protection", security
/// suite 0: system title 4D4D4D0000BC614E, block cipher key 000102…0F, authentication key D0D1…DF, IC 01234567.
/// </summary>
public class ApduCipherGreenBookTests
{
    internal static readonly SystemTitle GreenBookTitle = SystemTitle.Parse("4D4D4D0000BC614E");
    internal static readonly byte[] BlockCipherKey = Hex("000102030405060708090A0B0C0D0E0F");
    internal static readonly byte[] AuthenticationKey = Hex("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF");
    internal const uint GreenBookCounter = 0x01234567;

    // Green Book Ed. 8 §9.2.7.2.4, example of authenticated encryption: the xDLMS InitiateRequest carried in the
    // AARQ (a glo-initiate-request, tag 21 length 30). The same bytes appear in the dlms-cosem (Python) and Gurux tests.
    private static readonly byte[] InitiateRequest = Hex("01011000112233445566778899AABBCCDDEEFF0000065F1F0400007E1F04B0");
    private static readonly byte[] InitiateRequestProtected = Hex(
        "30 01234567 801302FF8A7874133D414CED25B42534D28DB0047720606B175BD52211BE68 41DB204D39EE6FDB8E356855");

    // Green Book Ed. 8 Table 40 "Example: glo-get-request xDLMS APDU" (get-request-normal, Clock 0.0.1.0.0.255
    // attribute 2), as quoted in dlms-cosem's test_glo_get_request: C8 1E ‖ SC ‖ IC ‖ C ‖ T.
    private static readonly byte[] GetRequest = Hex("C0 01 00 00 08 00 00 01 00 00 FF 02 00");
    private static readonly byte[] GloGetRequestApdu = Hex("C81E300123456741" + "1312FF935A475668" + "27C467BC7D825C3B" + "E4A77C3FCC056B6B");

    internal static ApduCipher Suite0Cipher() => new(SecuritySuite.Suite0, BlockCipherKey, AuthenticationKey);

    private static readonly SecurityControlByte AuthenticatedEncrypted = SecurityControlByte.Create(SecuritySuite.Suite0, true, true);

    [Fact]
    public void Glo_initiate_request_example_is_reproduced_byte_for_byte()
    {
        using var cipher = Suite0Cipher();
        var output = cipher.Protect(AuthenticatedEncrypted, GreenBookTitle, GreenBookCounter, InitiateRequest);
        Assert.Equal(Convert.ToHexString(InitiateRequestProtected), Convert.ToHexString(output));
    }

    [Fact]
    public void Glo_initiate_request_example_decrypts()
    {
        using var cipher = Suite0Cipher();
        var plain = cipher.Unprotect(GreenBookTitle, InitiateRequestProtected, out var header);
        Assert.Equal(InitiateRequest, plain);
        Assert.Equal(0x30, header.Control.Value);
        Assert.Equal(GreenBookCounter, header.InvocationCounter);
    }

    [Fact]
    public void Glo_get_request_example_is_reproduced_byte_for_byte()
    {
        using var cipher = Suite0Cipher();
        var buffer = new ArrayBufferWriter<byte>();
        buffer.Write<byte>([0xC8, 0x1E]); // glo-get-request tag and length, written by the APDU layer
        var written = cipher.Protect(AuthenticatedEncrypted, GreenBookTitle, GreenBookCounter, GetRequest, buffer);
        Assert.Equal(0x1E, written);
        Assert.Equal(Convert.ToHexString(GloGetRequestApdu), Convert.ToHexString(buffer.WrittenSpan));
    }

    [Fact]
    public void Glo_get_request_example_decrypts_into_a_buffer_writer()
    {
        using var cipher = Suite0Cipher();
        var plain = new ArrayBufferWriter<byte>();
        var length = cipher.Unprotect(GreenBookTitle, GloGetRequestApdu.AsSpan(2), plain, out var header);
        Assert.Equal(GetRequest.Length, length);
        Assert.Equal(GetRequest, plain.WrittenSpan.ToArray());
        Assert.True(header.Control.IsAuthenticated && header.Control.IsEncrypted);
    }

    [Fact]
    public void Encryption_only_ciphertext_equals_the_published_ciphertext_without_tag()
    {
        // GCM ciphertext does not depend on the AAD, so the published vector fixes the encryption-only output too:
        // SC 20 ‖ IC ‖ the same 31 ciphertext bytes, no tag.
        using var cipher = Suite0Cipher();
        var control = SecurityControlByte.Create(SecuritySuite.Suite0, authenticated: false, encrypted: true);
        var output = cipher.Protect(control, GreenBookTitle, GreenBookCounter, InitiateRequest);
        Assert.Equal("2001234567" + Convert.ToHexString(InitiateRequestProtected, 5, InitiateRequest.Length), Convert.ToHexString(output));
        Assert.Equal(InitiateRequest, cipher.Unprotect(GreenBookTitle, output, out _));
    }

    [Fact]
    public void Authentication_only_tag_matches_an_independent_gmac()
    {
        // No published vector found for this variant; expected value from BouncyCastle's GCM (second implementation):
        // T = GMAC over SC(10) ‖ AK ‖ plaintext, output SC ‖ IC ‖ plaintext ‖ T.
        using var cipher = Suite0Cipher();
        var control = SecurityControlByte.Create(SecuritySuite.Suite0, authenticated: true, encrypted: false);
        var iv = Hex("4D4D4D0000BC614E01234567");
        var expectedTag = Encrypt(BlockCipherKey, iv, Concat([0x10], AuthenticationKey, InitiateRequest), []);
        var output = cipher.Protect(control, GreenBookTitle, GreenBookCounter, InitiateRequest);
        Assert.Equal("1001234567" + Convert.ToHexString(InitiateRequest) + Convert.ToHexString(expectedTag), Convert.ToHexString(output));
        Assert.Equal(InitiateRequest, cipher.Unprotect(GreenBookTitle, output, out _));
    }

    [Fact]
    public void Get_response_of_1000_bytes_matches_an_independent_gcm()
    {
        // No published glo-get-response vector was found; a 1,000-byte get-response checked against BouncyCastle.
        var response = new byte[1000];
        response[0] = 0xC4; response[1] = 0x01; response[2] = 0xC1; response[3] = 0x00; response[4] = 0x09;
        for (var i = 5; i < response.Length; i++)
        {
            response[i] = (byte)(i * 7);
        }
        using var cipher = Suite0Cipher();
        var output = cipher.Protect(AuthenticatedEncrypted, GreenBookTitle, 0x89ABCDEF, response);
        var expected = Encrypt(BlockCipherKey, Hex("4D4D4D0000BC614E89ABCDEF"), Concat([0x30], AuthenticationKey), response);
        Assert.Equal("3089ABCDEF" + Convert.ToHexString(expected), Convert.ToHexString(output));
        Assert.Equal(response, cipher.Unprotect(GreenBookTitle, output, out _));
    }

    [Fact]
    public void Suite_2_uses_aes_256_and_matches_an_independent_gcm()
    {
        var key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var ak = Enumerable.Range(0xD0, 32).Select(i => (byte)i).ToArray();
        using var cipher = new ApduCipher(SecuritySuite.Suite2, key, ak);
        var control = SecurityControlByte.Create(SecuritySuite.Suite2, true, true);
        var output = cipher.Protect(control, GreenBookTitle, 5, GetRequest);
        var expected = Encrypt(key, Hex("4D4D4D0000BC614E00000005"), Concat([0x32], ak), GetRequest);
        Assert.Equal("3200000005" + Convert.ToHexString(expected), Convert.ToHexString(output));
        Assert.Equal(GetRequest, cipher.Unprotect(GreenBookTitle, output, out _));
    }

    [Fact]
    public void No_protection_bits_pass_the_apdu_through_with_its_header()
    {
        using var cipher = Suite0Cipher();
        var output = cipher.Protect(new SecurityControlByte(0x00), GreenBookTitle, 7, GetRequest);
        Assert.Equal("0000000007" + Convert.ToHexString(GetRequest), Convert.ToHexString(output));
        Assert.Equal(GetRequest, cipher.Unprotect(GreenBookTitle, output, out _));
    }

    [Fact]
    public void Lengths_are_computed_from_the_control_byte()
    {
        Assert.Equal(5 + 13 + 12, ApduCipher.GetProtectedLength(AuthenticatedEncrypted, 13));
        Assert.Equal(5 + 13, ApduCipher.GetProtectedLength(new SecurityControlByte(0x20), 13));
        Assert.Equal(13, ApduCipher.GetPlaintextLength(AuthenticatedEncrypted, 30));
        Assert.Equal(-1, ApduCipher.GetPlaintextLength(AuthenticatedEncrypted, 16));
    }

    [Fact]
    public void One_cipher_serves_concurrent_callers()
    {
        using var cipher = Suite0Cipher();
        var failures = 0;
        Parallel.For(0, 2000, i =>
        {
            var plain = BitConverter.GetBytes(i).Concat(GetRequest).ToArray();
            var prot = cipher.Protect(AuthenticatedEncrypted, GreenBookTitle, (uint)i, plain);
            var back = cipher.Unprotect(GreenBookTitle, prot, out var header);
            if (!back.AsSpan().SequenceEqual(plain) || header.InvocationCounter != (uint)i)
            {
                Interlocked.Increment(ref failures);
            }
        });
        Assert.Equal(0, failures);
    }
}
