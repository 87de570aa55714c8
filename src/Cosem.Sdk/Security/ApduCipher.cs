using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Cosem.Sdk.Security;

/// <summary>
/// Cryptographic protection of xDLMS APDUs with AES-GCM (IEC 62056-5-3 §9.2.7.2.4, Green Book "Cryptographic
/// protection"): IV = system title ‖ invocation counter, AAD = SC ‖ AK (‖ plaintext when only authenticated),
/// 12-byte tag. The protected form SC ‖ IC ‖ ciphertext ‖ tag is the content of glo-/ded- APDUs and of
/// general-glo-/general-ded-ciphering.
/// </summary>
/// <remarks>
/// One instance holds one block cipher key (global unicast, global broadcast or dedicated) with the
/// authentication key. It is safe to use from several threads: <see cref="AesGcm"/> is not, so the instance keeps
/// one cached <see cref="AesGcm"/> that a call takes with an atomic exchange and gives back afterwards; a concurrent
/// call that finds the cache empty makes its own. Single-threaded use never allocates after the first call.
/// </remarks>
public sealed class ApduCipher : IDisposable
{
    /// <summary>Bytes in the authentication tag (IEC 62056-5-3 §9.2.3.3.7: the 12 leftmost bytes).</summary>
    public const int TagLength = 12;

    /// <summary>Bytes in the GCM IV: system title (8) ‖ invocation counter (4).</summary>
    public const int NonceLength = 12;

    // Above this many bytes the AAD of an authentication-only APDU (SC ‖ AK ‖ plaintext) comes from the pool.
    private const int StackAadLimit = 512;

    private readonly SecretBytes _blockCipherKey;
    private readonly SecretBytes _authenticationKey;
    private AesGcm? _cached;
    private volatile bool _disposed;

    /// <summary>Creates a cipher for one block cipher key (global unicast, global broadcast or dedicated) and the
    /// authentication key AK.</summary>
    /// <param name="suite">Security suite 0 (AES-GCM-128), 1 (AES-GCM-128) or 2 (AES-GCM-256); fixes the key length (16
    /// or 32 bytes).</param>
    /// <param name="blockCipherKey">The block cipher key (EK) that encrypts and authenticates; copied and
    /// pinned.</param>
    /// <param name="authenticationKey">The authentication key (AK) that goes into the AAD; copied and pinned.</param>
    /// <exception cref="CosemSecurityException">A key has the wrong length for <paramref name="suite"/>
    /// (<see cref="SecurityFailure.InvalidKey"/>), or the suite is not defined.</exception>
    public ApduCipher(SecuritySuite suite, ReadOnlySpan<byte> blockCipherKey, ReadOnlySpan<byte> authenticationKey)
    {
        suite.EnsureDefined();
        var keyLength = suite.KeyLength();
        if (blockCipherKey.Length != keyLength)
        {
            throw new CosemSecurityException(SecurityFailure.InvalidKey,
                $"Security suite {(int)suite} needs a {keyLength}-byte block cipher key, got {blockCipherKey.Length} bytes.");
        }
        if (authenticationKey.Length != keyLength)
        {
            throw new CosemSecurityException(SecurityFailure.InvalidKey,
                $"Security suite {(int)suite} needs a {keyLength}-byte authentication key, got {authenticationKey.Length} bytes.");
        }
        Suite = suite;
        _blockCipherKey = new SecretBytes(blockCipherKey);
        _authenticationKey = new SecretBytes(authenticationKey);
    }

    /// <summary>The security suite the keys belong to; the security control byte of every APDU must name it.</summary>
    public SecuritySuite Suite { get; }

    /// <summary>Bytes of protected output for a plaintext of <paramref name="plaintextLength"/> bytes.</summary>
    public static int GetProtectedLength(SecurityControlByte control, int plaintextLength) =>
        SecurityHeader.Length + plaintextLength + (control.IsAuthenticated ? TagLength : 0);

    /// <summary>Bytes of plaintext inside protected data of <paramref name="protectedLength"/> bytes, or -1 if too short.</summary>
    public static int GetPlaintextLength(SecurityControlByte control, int protectedLength)
    {
        var length = protectedLength - SecurityHeader.Length - (control.IsAuthenticated ? TagLength : 0);
        return length < 0 ? -1 : length;
    }

    /// <summary>
    /// Protects <paramref name="plaintext"/> (a complete xDLMS APDU) as SC ‖ IC ‖ C ‖ T into
    /// <paramref name="destination"/>, which must not overlap it. Returns the bytes written.
    /// </summary>
    /// <param name="control">The security control byte: suite and which of authentication/encryption apply.</param>
    /// <param name="systemTitle">The sender's system title (the IV's fixed field).</param>
    /// <param name="invocationCounter">The sender's invocation counter, the IV's last 4 bytes; must never repeat for
    /// one key.</param>
    /// <param name="plaintext">The complete plain xDLMS APDU.</param>
    /// <param name="destination">Receives SC ‖ IC ‖ C ‖ T; needs <see cref="GetProtectedLength"/> bytes.</param>
    /// <exception cref="CosemSecurityException">The destination is too small, the suite differs or the instance is
    /// disposed.</exception>
    public int Protect(SecurityControlByte control, SystemTitle systemTitle, uint invocationCounter,
        ReadOnlySpan<byte> plaintext, Span<byte> destination)
    {
        EnsureUsable(control);
        var length = GetProtectedLength(control, plaintext.Length);
        if (destination.Length < length)
        {
            throw new CosemSecurityException(SecurityFailure.MalformedInput,
                $"The destination has {destination.Length} bytes; the protected APDU needs {length}.");
        }
        new SecurityHeader(control, invocationCounter).WriteTo(destination);
        var body = destination.Slice(SecurityHeader.Length, plaintext.Length);
        Span<byte> nonce = stackalloc byte[NonceLength];
        WriteNonce(nonce, systemTitle, invocationCounter);

        if (!control.IsAuthenticated && !control.IsEncrypted)
        {
            // SC with neither bit: no cryptographic protection (Green Book, general-ciphering with signing only).
            plaintext.CopyTo(body);
            return length;
        }

        var gcm = Rent();
        try
        {
            if (control.IsEncrypted)
            {
                Span<byte> aad = stackalloc byte[1 + _authenticationKey.Length];
                WriteAad(aad, control);
                Span<byte> scratchTag = stackalloc byte[TagLength];
                var tag = control.IsAuthenticated ? destination.Slice(SecurityHeader.Length + plaintext.Length, TagLength) : scratchTag;
                // Encryption only: GCM's ciphertext is plain CTR, so encrypting and discarding the tag is exact.
                gcm.Encrypt(nonce, plaintext, body, tag, control.IsAuthenticated ? aad : default);
                CryptographicOperations.ZeroMemory(aad);
            }
            else
            {
                plaintext.CopyTo(body);
                ComputeTag(gcm, nonce, control, plaintext, destination.Slice(SecurityHeader.Length + plaintext.Length, TagLength));
            }
        }
        finally
        {
            Return(gcm);
        }
        return length;
    }

    /// <summary>Protects into <paramref name="writer"/> and advances it; returns the bytes written.</summary>
    public int Protect(SecurityControlByte control, SystemTitle systemTitle, uint invocationCounter,
        ReadOnlySpan<byte> plaintext, IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var length = GetProtectedLength(control, plaintext.Length);
        var written = Protect(control, systemTitle, invocationCounter, plaintext, writer.GetSpan(length));
        writer.Advance(written);
        return written;
    }

    /// <summary>
    /// Checks and decrypts protected data SC ‖ IC ‖ C ‖ T into <paramref name="destination"/> (not overlapping it).
    /// Returns the plaintext length; <paramref name="header"/> gives SC and IC for the caller's replay check.
    /// Throws <see cref="CosemSecurityException"/> when the tag does not verify (wrong key, wrong system title,
    /// tampered data), the data is truncated, or the suite differs; nothing is written to the destination then.
    /// </summary>
    /// <param name="systemTitle">The sender's system title.</param>
    /// <param name="protectedData">SC ‖ IC ‖ C ‖ T as carried in a glo-/ded- or general-ciphering APDU.</param>
    /// <param name="destination">Receives the plain APDU; needs <see cref="GetPlaintextLength"/> bytes.</param>
    /// <param name="header">The security control byte and invocation counter read from
    /// <paramref name="protectedData"/>.</param>
    public int Unprotect(SystemTitle systemTitle, ReadOnlySpan<byte> protectedData, Span<byte> destination, out SecurityHeader header)
    {
        header = SecurityHeader.Read(protectedData);
        var control = header.Control;
        EnsureUsable(control);
        var plaintextLength = GetPlaintextLength(control, protectedData.Length);
        if (plaintextLength < 0)
        {
            throw new CosemSecurityException(SecurityFailure.MalformedInput,
                $"Protected data of {protectedData.Length} bytes is shorter than its security header and {TagLength}-byte tag.");
        }
        if (destination.Length < plaintextLength)
        {
            throw new CosemSecurityException(SecurityFailure.MalformedInput,
                $"The destination has {destination.Length} bytes; the plaintext needs {plaintextLength}.");
        }
        var body = protectedData.Slice(SecurityHeader.Length, plaintextLength);
        var output = destination[..plaintextLength];
        if (!control.IsAuthenticated && !control.IsEncrypted)
        {
            body.CopyTo(output);
            return plaintextLength;
        }

        var tag = protectedData.Slice(SecurityHeader.Length + plaintextLength);
        Span<byte> nonce = stackalloc byte[NonceLength];
        WriteNonce(nonce, systemTitle, header.InvocationCounter);
        var gcm = Rent();
        try
        {
            if (control.IsEncrypted && control.IsAuthenticated)
            {
                Span<byte> aad = stackalloc byte[1 + _authenticationKey.Length];
                WriteAad(aad, control);
                try
                {
                    gcm.Decrypt(nonce, body, tag, output, aad);
                }
                catch (AuthenticationTagMismatchException ex)
                {
                    throw TagMismatch(ex);
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(aad);
                }
            }
            else if (control.IsEncrypted)
            {
                // Encryption only: no tag to check; CTR decryption is the same keystream XOR as encryption.
                Span<byte> ignoredTag = stackalloc byte[TagLength];
                gcm.Encrypt(nonce, body, output, ignoredTag);
            }
            else
            {
                Span<byte> expected = stackalloc byte[TagLength];
                ComputeTag(gcm, nonce, control, body, expected);
                if (!CryptographicOperations.FixedTimeEquals(expected, tag))
                {
                    throw TagMismatch(null);
                }
                body.CopyTo(output);
            }
        }
        finally
        {
            Return(gcm);
        }
        return plaintextLength;
    }

    /// <summary>Checks and decrypts into <paramref name="writer"/> and advances it; returns the plaintext length.</summary>
    public int Unprotect(SystemTitle systemTitle, ReadOnlySpan<byte> protectedData, IBufferWriter<byte> writer, out SecurityHeader header)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var peek = SecurityHeader.Read(protectedData);
        var length = Math.Max(0, GetPlaintextLength(peek.Control, protectedData.Length));
        var written = Unprotect(systemTitle, protectedData, writer.GetSpan(length), out header);
        writer.Advance(written);
        return written;
    }

    /// <summary>Convenience: protect into a new array.</summary>
    public byte[] Protect(SecurityControlByte control, SystemTitle systemTitle, uint invocationCounter, ReadOnlySpan<byte> plaintext)
    {
        var result = new byte[GetProtectedLength(control, plaintext.Length)];
        Protect(control, systemTitle, invocationCounter, plaintext, result.AsSpan());
        return result;
    }

    /// <summary>Convenience: unprotect into a new array.</summary>
    public byte[] Unprotect(SystemTitle systemTitle, ReadOnlySpan<byte> protectedData, out SecurityHeader header)
    {
        var peek = SecurityHeader.Read(protectedData);
        var buffer = new byte[Math.Max(0, GetPlaintextLength(peek.Control, protectedData.Length))];
        var length = Unprotect(systemTitle, protectedData, buffer.AsSpan(), out header);
        return length == buffer.Length ? buffer : buffer[..length];
    }

    /// <summary>
    /// The GMAC tag over SC ‖ AK ‖ <paramref name="data"/> with IV = <paramref name="systemTitle"/> ‖ IC: the T of
    /// HLS mechanism 5 (IEC 62056-5-3 §9.2.7.4, Green Book Table "HLS example using authentication-mechanism 5").
    /// </summary>
    internal void ComputeAuthenticationTag(SecurityControlByte control, SystemTitle systemTitle, uint invocationCounter,
        ReadOnlySpan<byte> data, Span<byte> tag)
    {
        EnsureUsable(control);
        Span<byte> nonce = stackalloc byte[NonceLength];
        WriteNonce(nonce, systemTitle, invocationCounter);
        var gcm = Rent();
        try
        {
            ComputeTag(gcm, nonce, control, data, tag);
        }
        finally
        {
            Return(gcm);
        }
    }

    /// <summary>Zeroes and unpins both keys and disposes the cached <see cref="AesGcm"/>; later calls throw.</summary>
    public void Dispose()
    {
        _disposed = true;
        Interlocked.Exchange(ref _cached, null)?.Dispose();
        _blockCipherKey.Dispose();
        _authenticationKey.Dispose();
    }

    /// <inheritdoc/>
    public override string ToString() => $"ApduCipher(suite {(int)Suite})";

    // GMAC = GCM with empty plaintext; the authenticated data is SC ‖ AK ‖ data.
    private void ComputeTag(AesGcm gcm, ReadOnlySpan<byte> nonce, SecurityControlByte control, ReadOnlySpan<byte> data, Span<byte> tag)
    {
        var aadLength = 1 + _authenticationKey.Length + data.Length;
        byte[]? rented = null;
        var aad = aadLength <= StackAadLimit
            ? stackalloc byte[StackAadLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(aadLength));
        aad = aad[..aadLength];
        try
        {
            WriteAad(aad, control);
            data.CopyTo(aad[(1 + _authenticationKey.Length)..]);
            gcm.Encrypt(nonce, ReadOnlySpan<byte>.Empty, Span<byte>.Empty, tag, aad);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(aad);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private void WriteAad(Span<byte> aad, SecurityControlByte control)
    {
        aad[0] = control.Value;
        _authenticationKey.Span.CopyTo(aad[1..]);
    }

    private static void WriteNonce(Span<byte> nonce, SystemTitle systemTitle, uint invocationCounter)
    {
        systemTitle.CopyTo(nonce);
        BinaryPrimitives.WriteUInt32BigEndian(nonce[SystemTitle.Length..], invocationCounter);
    }

    private void EnsureUsable(SecurityControlByte control)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!control.Suite.IsDefined())
        {
            throw new CosemSecurityException(SecurityFailure.UnsupportedSuite,
                $"The security control byte {control.Value:X2} names security suite {(int)control.Suite}; only 0, 1 and 2 are defined.");
        }
        if (control.Suite != Suite)
        {
            throw new CosemSecurityException(SecurityFailure.UnsupportedSuite,
                $"The security control byte {control.Value:X2} names security suite {(int)control.Suite}, but this association uses suite {(int)Suite}.");
        }
        if (control.IsCompressed)
        {
            throw new CosemSecurityException(SecurityFailure.UnsupportedProtection,
                $"The security control byte {control.Value:X2} asks for compression, which is not supported.");
        }
    }

    private static CosemSecurityException TagMismatch(Exception? inner) =>
        new(SecurityFailure.AuthenticationFailed,
            "The authentication tag does not match: wrong key, wrong system title, wrong invocation counter or tampered data.", inner);

    private AesGcm Rent() => Interlocked.Exchange(ref _cached, null) ?? new AesGcm(_blockCipherKey.Span, TagLength);

    private void Return(AesGcm gcm)
    {
        if (_disposed || Interlocked.CompareExchange(ref _cached, gcm, null) is not null)
        {
            gcm.Dispose();
        }
        else if (_disposed)
        {
            Interlocked.Exchange(ref _cached, null)?.Dispose();
        }
    }
}
