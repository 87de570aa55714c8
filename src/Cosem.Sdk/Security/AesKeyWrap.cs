using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;

namespace Cosem.Sdk.Security;

/// <summary>
/// AES key wrap (RFC 3394) for Security setup global_key_transfer and key agreement results
/// (IEC 62056-5-3 §9.2.3.4.2): the master key (KEK) wraps the new global or authentication key.
/// </summary>
public static class AesKeyWrap
{
    /// <summary>Wraps <paramref name="key"/> (a multiple of 8 bytes, at least 16) under <paramref name="kek"/> (16, 24 or 32 bytes).</summary>
    public static byte[] Wrap(ReadOnlySpan<byte> kek, ReadOnlySpan<byte> key)
    {
        EnsureKek(kek);
        if (key.Length < 16 || key.Length % 8 != 0)
        {
            throw new CosemSecurityException(SecurityFailure.InvalidKey,
                $"RFC 3394 wraps keys of at least 16 bytes in multiples of 8; got {key.Length} bytes.");
        }
        var engine = new AesWrapEngine();
        engine.Init(true, new KeyParameter(kek));
        return engine.Wrap(key.ToArray(), 0, key.Length);
    }

    /// <summary>Unwraps and checks the RFC 3394 integrity value; a wrong KEK or tampered data throws <see cref="CosemSecurityException"/>.</summary>
    public static byte[] Unwrap(ReadOnlySpan<byte> kek, ReadOnlySpan<byte> wrapped)
    {
        EnsureKek(kek);
        if (wrapped.Length < 24 || wrapped.Length % 8 != 0)
        {
            throw new CosemSecurityException(SecurityFailure.MalformedInput,
                $"An RFC 3394 wrapped key has at least 24 bytes in multiples of 8; got {wrapped.Length} bytes.");
        }
        var engine = new AesWrapEngine();
        engine.Init(false, new KeyParameter(kek));
        try
        {
            return engine.Unwrap(wrapped.ToArray(), 0, wrapped.Length);
        }
        catch (InvalidCipherTextException ex)
        {
            throw new CosemSecurityException(SecurityFailure.KeyUnwrapFailed,
                "The wrapped key fails its integrity check: wrong key-encryption key or tampered data.", ex);
        }
    }

    private static void EnsureKek(ReadOnlySpan<byte> kek)
    {
        if (kek.Length is not (16 or 24 or 32))
        {
            throw new CosemSecurityException(SecurityFailure.InvalidKey,
                $"An AES key-encryption key has 16, 24 or 32 bytes; got {kek.Length} bytes.");
        }
    }
}
