using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Cosem.Sdk.Security;

/// <summary>
/// AES-GCM with the DLMS conventions (IEC 62056-5-3 §9.2.7.2.4) and a caller-supplied AAD: used where the AAD
/// carries more than SC ‖ AK (general-ciphering) or the key is not a session key. Output and input are
/// ciphertext ‖ 12-byte tag, without the security header.
/// </summary>
internal static class GcmEnvelope
{
    public static byte[] Seal(ReadOnlySpan<byte> key, SystemTitle systemTitle, uint invocationCounter, SecurityControlByte control,
        ReadOnlySpan<byte> aad, ReadOnlySpan<byte> plaintext)
    {
        EnsureSupported(control);
        var output = new byte[plaintext.Length + (control.IsAuthenticated ? ApduCipher.TagLength : 0)];
        Span<byte> nonce = stackalloc byte[ApduCipher.NonceLength];
        WriteNonce(nonce, systemTitle, invocationCounter);
        using var gcm = new AesGcm(key, ApduCipher.TagLength);
        Span<byte> scratch = stackalloc byte[ApduCipher.TagLength];
        if (control.IsEncrypted)
        {
            var tag = control.IsAuthenticated ? output.AsSpan(plaintext.Length) : scratch;
            gcm.Encrypt(nonce, plaintext, output.AsSpan(0, plaintext.Length), tag, control.IsAuthenticated ? aad : default);
        }
        else
        {
            plaintext.CopyTo(output);
            if (control.IsAuthenticated)
            {
                // Authentication only: GMAC over AAD ‖ plaintext.
                gcm.Encrypt(nonce, default, default, output.AsSpan(plaintext.Length), Concat(aad, plaintext));
            }
        }
        return output;
    }

    public static byte[] Open(ReadOnlySpan<byte> key, SystemTitle systemTitle, uint invocationCounter, SecurityControlByte control,
        ReadOnlySpan<byte> aad, ReadOnlySpan<byte> protectedText)
    {
        EnsureSupported(control);
        var length = protectedText.Length - (control.IsAuthenticated ? ApduCipher.TagLength : 0);
        if (length < 0)
        {
            throw new CosemSecurityException(SecurityFailure.MalformedInput,
                $"Ciphered text of {protectedText.Length} bytes cannot hold a {ApduCipher.TagLength}-byte authentication tag.");
        }
        var body = protectedText[..length];
        var tag = protectedText[length..];
        Span<byte> nonce = stackalloc byte[ApduCipher.NonceLength];
        WriteNonce(nonce, systemTitle, invocationCounter);
        using var gcm = new AesGcm(key, ApduCipher.TagLength);
        var output = new byte[length];
        try
        {
            if (control.IsEncrypted && control.IsAuthenticated)
            {
                gcm.Decrypt(nonce, body, tag, output, aad);
            }
            else if (control.IsEncrypted)
            {
                Span<byte> ignored = stackalloc byte[ApduCipher.TagLength];
                gcm.Encrypt(nonce, body, output, ignored);
            }
            else
            {
                if (control.IsAuthenticated)
                {
                    Span<byte> expected = stackalloc byte[ApduCipher.TagLength];
                    gcm.Encrypt(nonce, default, default, expected, Concat(aad, body));
                    if (!CryptographicOperations.FixedTimeEquals(expected, tag))
                    {
                        throw new AuthenticationTagMismatchException();
                    }
                }
                body.CopyTo(output);
            }
        }
        catch (AuthenticationTagMismatchException ex)
        {
            CryptographicOperations.ZeroMemory(output);
            throw new CosemSecurityException(SecurityFailure.AuthenticationFailed,
                "The authentication tag does not match: wrong key, wrong system title, tampered header fields or tampered data.", ex);
        }
        return output;
    }

    private static void EnsureSupported(SecurityControlByte control)
    {
        if (control.IsCompressed)
        {
            throw new CosemSecurityException(SecurityFailure.UnsupportedProtection,
                $"The security control byte {control.Value:X2} asks for compression, which is not supported.");
        }
    }

    private static void WriteNonce(Span<byte> nonce, SystemTitle systemTitle, uint invocationCounter)
    {
        systemTitle.CopyTo(nonce);
        BinaryPrimitives.WriteUInt32BigEndian(nonce[SystemTitle.Length..], invocationCounter);
    }

    private static byte[] Concat(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        var result = new byte[first.Length + second.Length];
        first.CopyTo(result);
        second.CopyTo(result.AsSpan(first.Length));
        return result;
    }
}
