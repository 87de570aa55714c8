using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Cosem.Sdk.Security;

/// <summary>
/// The f(challenge) computations of HLS authentication (IEC 62056-5-3 §9.2.7.4; Blue Book Association LN
/// reply_to_hls_authentication), usable by either side. The party that received a challenge answers it with
/// <see cref="ComputeResponse(SystemTitle, SystemTitle, ReadOnlySpan{byte}, ReadOnlySpan{byte}, uint)"/>; the party
/// that sent it checks the answer with <see cref="VerifyResponse"/>.
/// With own/peer named from the computing side, every mechanism reads the same for client and server:
/// <list type="bullet">
/// <item>3, 4: H(challenge received ‖ secret)</item>
/// <item>5: SC ‖ IC ‖ GMAC(SC ‖ AK ‖ challenge received), IV = own system title ‖ IC</item>
/// <item>6: SHA-256(secret ‖ own title ‖ peer title ‖ challenge received ‖ challenge sent) — for the client
/// SHA-256(secret ‖ ST-C ‖ ST-S ‖ StoC ‖ CtoS), for the server SHA-256(secret ‖ ST-S ‖ ST-C ‖ CtoS ‖ StoC)</item>
/// <item>7: ECDSA over own title ‖ peer title ‖ challenge received ‖ challenge sent, with the own private key</item>
/// </list>
/// Every comparison is constant-time.
/// </summary>
public sealed class HlsAuthentication
{
    private readonly SecretBytes? _secret;
    private readonly ApduCipher? _cipher;
    private readonly EccKeyPair? _ownKey;
    private readonly EccPublicKey? _peerKey;

    private HlsAuthentication(HlsMechanism mechanism, SecretBytes? secret, ApduCipher? cipher, EccKeyPair? ownKey, EccPublicKey? peerKey)
    {
        Mechanism = mechanism;
        _secret = secret;
        _cipher = cipher;
        _ownKey = ownKey;
        _peerKey = peerKey;
    }

    /// <summary>The HLS authentication mechanism id (3 MD5, 4 SHA-1, 5 GMAC, 6 SHA-256, 7 ECDSA) the instance
    /// computes.</summary>
    public HlsMechanism Mechanism { get; }

    /// <summary>Mechanism 3 with the shared HLS secret.</summary>
    public static HlsAuthentication Md5(ReadOnlySpan<byte> secret) => new(HlsMechanism.Md5, NonEmpty(secret), null, null, null);

    /// <summary>Mechanism 4 with the shared HLS secret.</summary>
    public static HlsAuthentication Sha1(ReadOnlySpan<byte> secret) => new(HlsMechanism.Sha1, NonEmpty(secret), null, null, null);

    /// <summary>Mechanism 6 with the shared HLS secret.</summary>
    public static HlsAuthentication Sha256(ReadOnlySpan<byte> secret) => new(HlsMechanism.Sha256, NonEmpty(secret), null, null, null);

    /// <summary>Mechanism 5 with a cipher holding the global unicast (block cipher) key and the authentication key.</summary>
    public static HlsAuthentication Gmac(ApduCipher cipher)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        return new HlsAuthentication(HlsMechanism.Gmac, null, cipher, null, null);
    }

    /// <summary>Mechanism 7: own signing key pair to answer, the peer's public signing key to verify (either may be null if unused).</summary>
    public static HlsAuthentication Ecdsa(EccKeyPair? ownSigningKey, EccPublicKey? peerSigningKey)
    {
        if (ownSigningKey is null && peerSigningKey is null)
        {
            throw new CosemSecurityException(SecurityFailure.InvalidKey, "HLS mechanism 7 needs an own signing key, a peer public key, or both.");
        }
        return new HlsAuthentication(HlsMechanism.Ecdsa, null, null, ownSigningKey, peerSigningKey);
    }

    /// <summary>Bytes of f(challenge) this mechanism produces.</summary>
    public int ResponseLength => Mechanism switch
    {
        HlsMechanism.Md5 => MD5.HashSizeInBytes,
        HlsMechanism.Sha1 => SHA1.HashSizeInBytes,
        HlsMechanism.Sha256 => SHA256.HashSizeInBytes,
        HlsMechanism.Gmac => SecurityHeader.Length + ApduCipher.TagLength,
        _ => (_ownKey?.Curve ?? _peerKey!.Curve).SignatureLength(),
    };

    /// <summary>
    /// f(<paramref name="peerChallenge"/>): this side's answer to the challenge it received.
    /// </summary>
    /// <param name="ownTitle">This side's system title (IV for mechanism 5; used by 6 and 7).</param>
    /// <param name="peerTitle">The other side's system title (used by 6 and 7).</param>
    /// <param name="peerChallenge">The challenge received (client: StoC; server: CtoS).</param>
    /// <param name="ownChallenge">The challenge this side sent (used by 6 and 7).</param>
    /// <param name="invocationCounter">This side's next invocation counter (mechanism 5 only).</param>
    public byte[] ComputeResponse(SystemTitle ownTitle, SystemTitle peerTitle, ReadOnlySpan<byte> peerChallenge,
        ReadOnlySpan<byte> ownChallenge, uint invocationCounter = 0)
    {
        var response = new byte[ResponseLength];
        ComputeResponse(ownTitle, peerTitle, peerChallenge, ownChallenge, invocationCounter, response);
        return response;
    }

    /// <summary>As <see cref="ComputeResponse(SystemTitle, SystemTitle, ReadOnlySpan{byte}, ReadOnlySpan{byte}, uint)"/>, into a span of <see cref="ResponseLength"/> bytes.</summary>
    public void ComputeResponse(SystemTitle ownTitle, SystemTitle peerTitle, ReadOnlySpan<byte> peerChallenge,
        ReadOnlySpan<byte> ownChallenge, uint invocationCounter, Span<byte> response)
    {
        HlsChallenge.Validate(peerChallenge);
        if (response.Length != ResponseLength)
        {
            throw new CosemSecurityException(SecurityFailure.MalformedInput,
                $"HLS mechanism {(int)Mechanism} answers with {ResponseLength} bytes; the destination has {response.Length}.");
        }
        switch (Mechanism)
        {
            case HlsMechanism.Md5:
            case HlsMechanism.Sha1:
                HashChallengeThenSecret(peerChallenge, response);
                break;
            case HlsMechanism.Sha256:
                HashWithTitles(ownTitle, peerTitle, peerChallenge, ownChallenge, response);
                break;
            case HlsMechanism.Gmac:
                var control = SecurityControlByte.Create(_cipher!.Suite, authenticated: true, encrypted: false);
                new SecurityHeader(control, invocationCounter).WriteTo(response);
                _cipher.ComputeAuthenticationTag(control, ownTitle, invocationCounter, peerChallenge, response[SecurityHeader.Length..]);
                break;
            case HlsMechanism.Ecdsa:
                var key = _ownKey ?? throw new CosemSecurityException(SecurityFailure.InvalidKey,
                    "HLS mechanism 7 needs this side's signing key to answer a challenge.");
                var message = SignedMessage(ownTitle, peerTitle, peerChallenge, ownChallenge);
                EcdsaSignature.Sign(key, message, response);
                break;
            default:
                throw new CosemSecurityException(SecurityFailure.UnsupportedProtection, $"HLS mechanism {(int)Mechanism} is not supported.");
        }
    }

    /// <summary>
    /// Checks the peer's f(<paramref name="ownChallenge"/>). Throws <see cref="CosemSecurityException"/> with
    /// <see cref="SecurityFailure.HlsVerificationFailed"/> if it is wrong; for mechanism 5 returns the peer's
    /// invocation counter from the answer (for the replay check), otherwise null.
    /// </summary>
    /// <param name="ownTitle">This side's system title.</param>
    /// <param name="peerTitle">The answering side's system title (the IV for mechanism 5).</param>
    /// <param name="ownChallenge">The challenge this side sent and the peer answered.</param>
    /// <param name="peerChallenge">The challenge the peer sent (used by 6 and 7).</param>
    /// <param name="response">The peer's answer as received in reply_to_hls_authentication or the AARE/AARQ.</param>
    public uint? VerifyResponse(SystemTitle ownTitle, SystemTitle peerTitle, ReadOnlySpan<byte> ownChallenge,
        ReadOnlySpan<byte> peerChallenge, ReadOnlySpan<byte> response)
    {
        HlsChallenge.Validate(ownChallenge);
        bool valid;
        uint? counter = null;
        switch (Mechanism)
        {
            case HlsMechanism.Md5:
            case HlsMechanism.Sha1:
            case HlsMechanism.Sha256:
            {
                Span<byte> expected = stackalloc byte[ResponseLength];
                if (Mechanism == HlsMechanism.Sha256)
                {
                    HashWithTitles(peerTitle, ownTitle, ownChallenge, peerChallenge, expected);
                }
                else
                {
                    HashChallengeThenSecret(ownChallenge, expected);
                }
                valid = CryptographicOperations.FixedTimeEquals(expected, response);
                break;
            }
            case HlsMechanism.Gmac:
            {
                if (response.Length != ResponseLength)
                {
                    throw Failed();
                }
                var header = SecurityHeader.Read(response);
                if (!header.Control.IsAuthenticated || header.Control.IsEncrypted || header.Control.IsCompressed || header.Control.Suite != _cipher!.Suite)
                {
                    throw Failed();
                }
                Span<byte> expected = stackalloc byte[ApduCipher.TagLength];
                _cipher.ComputeAuthenticationTag(header.Control, peerTitle, header.InvocationCounter, ownChallenge, expected);
                valid = CryptographicOperations.FixedTimeEquals(expected, response[SecurityHeader.Length..]);
                counter = header.InvocationCounter;
                break;
            }
            case HlsMechanism.Ecdsa:
            {
                var key = _peerKey ?? throw new CosemSecurityException(SecurityFailure.InvalidKey,
                    "HLS mechanism 7 needs the peer's public key to check its answer.");
                valid = EcdsaSignature.Verify(key, SignedMessage(peerTitle, ownTitle, ownChallenge, peerChallenge), response);
                break;
            }
            default:
                throw new CosemSecurityException(SecurityFailure.UnsupportedProtection, $"HLS mechanism {(int)Mechanism} is not supported.");
        }
        return valid ? counter : throw Failed();
    }

    /// <inheritdoc/>
    public override string ToString() => $"HlsAuthentication(mechanism {(int)Mechanism} {Mechanism})";

    private CosemSecurityException Failed() =>
        new(SecurityFailure.HlsVerificationFailed, $"The peer's answer to the HLS mechanism {(int)Mechanism} challenge is wrong.");

    // Mechanisms 3 and 4: H(challenge ‖ secret).
    private void HashChallengeThenSecret(ReadOnlySpan<byte> challenge, Span<byte> destination)
    {
        var secret = _secret!.Span;
        var buffer = ArrayPool<byte>.Shared.Rent(challenge.Length + secret.Length);
        var input = buffer.AsSpan(0, challenge.Length + secret.Length);
        try
        {
            challenge.CopyTo(input);
            secret.CopyTo(input[challenge.Length..]);
            if (Mechanism == HlsMechanism.Md5)
            {
                MD5.HashData(input, destination);
            }
            else
            {
                SHA1.HashData(input, destination);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(input);
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Mechanism 6: SHA-256(secret ‖ signer title ‖ other title ‖ challenge answered ‖ signer's own challenge).
    private void HashWithTitles(SystemTitle signerTitle, SystemTitle otherTitle, ReadOnlySpan<byte> answered,
        ReadOnlySpan<byte> signerChallenge, Span<byte> destination)
    {
        var secret = _secret!.Span;
        var length = secret.Length + 2 * SystemTitle.Length + answered.Length + signerChallenge.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        var input = buffer.AsSpan(0, length);
        try
        {
            secret.CopyTo(input);
            var rest = input[secret.Length..];
            signerTitle.CopyTo(rest);
            otherTitle.CopyTo(rest[SystemTitle.Length..]);
            answered.CopyTo(rest[(2 * SystemTitle.Length)..]);
            signerChallenge.CopyTo(rest[(2 * SystemTitle.Length + answered.Length)..]);
            SHA256.HashData(input, destination);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(input);
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Mechanism 7: signer title ‖ other title ‖ challenge answered ‖ signer's own challenge.
    private static byte[] SignedMessage(SystemTitle signerTitle, SystemTitle otherTitle, ReadOnlySpan<byte> answered, ReadOnlySpan<byte> signerChallenge)
    {
        var message = new byte[2 * SystemTitle.Length + answered.Length + signerChallenge.Length];
        signerTitle.CopyTo(message);
        otherTitle.CopyTo(message.AsSpan(SystemTitle.Length));
        answered.CopyTo(message.AsSpan(2 * SystemTitle.Length));
        signerChallenge.CopyTo(message.AsSpan(2 * SystemTitle.Length + answered.Length));
        return message;
    }

    private static SecretBytes NonEmpty(ReadOnlySpan<byte> secret) => secret.IsEmpty
        ? throw new CosemSecurityException(SecurityFailure.InvalidKey, "The HLS secret is empty.")
        : new SecretBytes(secret);

    /// <summary>The invocation counter inside a mechanism 5 answer (SC ‖ IC ‖ T), for a replay check before verifying.</summary>
    public static uint ReadGmacInvocationCounter(ReadOnlySpan<byte> response) => SecurityHeader.Read(response).InvocationCounter;

    internal static void WriteCounter(Span<byte> destination, uint counter) => BinaryPrimitives.WriteUInt32BigEndian(destination, counter);
}
