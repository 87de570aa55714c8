using Cosem.Sdk.Security;
using static Cosem.Sdk.Tests.Security.ApduCipherGreenBookTests;
using static Cosem.Sdk.Tests.Security.GcmReference;

namespace Cosem.Sdk.Tests.Security;

/// <summary>Every way protected data can be wrong ends in a <see cref="CosemSecurityException"/> without key material.</summary>
public class ApduCipherRejectionTests
{
    private static readonly byte[] Plain = Hex("C0 01 00 00 08 00 00 01 00 00 FF 02 00");
    private static readonly SecurityControlByte AuthEnc = SecurityControlByte.Create(SecuritySuite.Suite0, true, true);
    private static readonly SecurityControlByte AuthOnly = SecurityControlByte.Create(SecuritySuite.Suite0, true, false);

    private static byte[] Protected(SecurityControlByte control)
    {
        using var cipher = Suite0Cipher();
        return cipher.Protect(control, GreenBookTitle, GreenBookCounter, Plain);
    }

    private static CosemSecurityException Rejects(byte[] data, SystemTitle? title = null, ApduCipher? cipher = null)
    {
        using var own = cipher is null ? Suite0Cipher() : null;
        var destination = new byte[64];
        var ex = Assert.Throws<CosemSecurityException>(() => (cipher ?? own!).Unprotect(title ?? GreenBookTitle, data, destination, out _));
        Assert.All(destination, b => Assert.Equal(0, b)); // nothing released on failure
        KeyMaterialTests.AssertNoKeyMaterial(ex.ToString());
        return ex;
    }

    [Theory]
    [InlineData(0x30, 5)]   // first ciphertext byte
    [InlineData(0x30, -1)]  // last tag byte
    [InlineData(0x30, 2)]   // invocation counter (changes the IV)
    [InlineData(0x10, 6)]   // authentication-only: plaintext byte
    [InlineData(0x10, -3)]  // authentication-only: tag byte
    public void Tampered_bytes_are_rejected(byte control, int index)
    {
        var data = Protected(new SecurityControlByte(control));
        data[index < 0 ? data.Length + index : index] ^= 0x01;
        Assert.Equal(SecurityFailure.AuthenticationFailed, Rejects(data).Failure);
    }

    [Fact]
    public void Flipping_the_control_byte_to_another_protection_is_rejected()
    {
        var data = Protected(AuthEnc);
        data[0] = 0x10; // claim authentication only: the tag no longer matches
        Assert.Equal(SecurityFailure.AuthenticationFailed, Rejects(data).Failure);
    }

    [Fact]
    public void Wrong_block_cipher_key_is_rejected()
    {
        var wrongKey = Hex("000102030405060708090A0B0C0D0E0E");
        using var cipher = new ApduCipher(SecuritySuite.Suite0, wrongKey, AuthenticationKey);
        Assert.Equal(SecurityFailure.AuthenticationFailed, Rejects(Protected(AuthEnc), cipher: cipher).Failure);
    }

    [Fact]
    public void Wrong_authentication_key_is_rejected_for_both_tagged_forms()
    {
        using var cipher = new ApduCipher(SecuritySuite.Suite0, BlockCipherKey, Hex("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDE"));
        Assert.Equal(SecurityFailure.AuthenticationFailed, Rejects(Protected(AuthEnc), cipher: cipher).Failure);
        Assert.Equal(SecurityFailure.AuthenticationFailed, Rejects(Protected(AuthOnly), cipher: cipher).Failure);
    }

    [Fact]
    public void Wrong_system_title_is_rejected()
    {
        Assert.Equal(SecurityFailure.AuthenticationFailed, Rejects(Protected(AuthEnc), SystemTitle.Parse("4D4D4D0000BC614F")).Failure);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(16)] // header + 11 bytes: shorter than a tag
    public void Truncated_data_is_rejected(int length)
    {
        var data = Protected(AuthEnc)[..length];
        Assert.Equal(SecurityFailure.MalformedInput, Rejects(data).Failure);
    }

    [Theory]
    [InlineData(0x33)] // suite 3 is undefined
    [InlineData(0x3F)]
    [InlineData(0x31)] // suite 1 on a suite 0 association
    public void Unknown_or_mismatched_suite_is_rejected(byte control)
    {
        var data = Protected(AuthEnc);
        data[0] = control;
        Assert.Equal(SecurityFailure.UnsupportedSuite, Rejects(data).Failure);
    }

    [Fact]
    public void Compression_is_rejected()
    {
        var data = Protected(AuthEnc);
        data[0] = 0xB0;
        Assert.Equal(SecurityFailure.UnsupportedProtection, Rejects(data).Failure);
    }

    [Fact]
    public void Keys_of_the_wrong_length_are_rejected_without_echoing_them()
    {
        var ex = Assert.Throws<CosemSecurityException>(() => new ApduCipher(SecuritySuite.Suite2, BlockCipherKey, AuthenticationKey));
        Assert.Equal(SecurityFailure.InvalidKey, ex.Failure);
        KeyMaterialTests.AssertNoKeyMaterial(ex.ToString());
        Assert.Throws<CosemSecurityException>(() => new ApduCipher((SecuritySuite)7, BlockCipherKey, AuthenticationKey));
    }

    [Fact]
    public void A_too_small_destination_is_a_typed_error()
    {
        using var cipher = Suite0Cipher();
        var ex = Assert.Throws<CosemSecurityException>(() => cipher.Protect(AuthEnc, GreenBookTitle, 1, Plain, new byte[10]));
        Assert.Equal(SecurityFailure.MalformedInput, ex.Failure);
    }

    [Fact]
    public void A_disposed_cipher_refuses_work()
    {
        var cipher = Suite0Cipher();
        cipher.Dispose();
        Assert.Throws<ObjectDisposedException>(() => cipher.Protect(AuthEnc, GreenBookTitle, 1, Plain));
    }
}
