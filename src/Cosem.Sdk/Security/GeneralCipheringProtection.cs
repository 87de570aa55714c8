using System.Buffers;
using System.Security.Cryptography;
using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.Security;

/// <summary>
/// Builds and opens general-ciphering APDUs (tag 221, IEC 62056-5-3 §9.2.7.2.4.8 and §9.5) with every Key-Info
/// choice: identified key, wrapped key (RFC 3394 under the master key) and agreed key (One-Pass Diffie–Hellman
/// C(1e, 1s) or Static Unified Model C(0e, 2s), Green Book §9.2.3.4.6 with the SP 800-56A KDF).
/// </summary>
/// <remarks>
/// IV = originator-system-title ‖ IC. AAD = SC ‖ AK ‖ transaction-id ‖ originator-system-title ‖
/// recipient-system-title ‖ date-time ‖ other-information (each field A-XDR length and value, so the header cannot
/// be altered), ‖ the plaintext when only authenticated. AK is left out when the keyring has none (a third party).
/// Agreed keys: KDF AlgorithmID AES-GCM-128 (suite 1) or AES-GCM-256 (suite 2), PartyUInfo = originator system
/// title; PartyVInfo = recipient system title, prefixed for C(0e, 2s) with the transaction-id as Nonce_U
/// (08 ‖ transaction-id). For C(1e, 1s) key-ciphered-data = Q_e,U (X ‖ Y) ‖ ECDSA signature of Q_e,U by the
/// originator's signing key.
/// </remarks>
public static class GeneralCipheringProtection
{
    /// <summary>key-parameters of agreed-key: One-Pass Diffie–Hellman C(1e, 1s, ECC CDH).</summary>
    public const byte EphemeralStaticScheme = 0x01;

    /// <summary>key-parameters of agreed-key: Static Unified Model C(0e, 2s, ECC CDH).</summary>
    public const byte StaticStaticScheme = 0x02;

    /// <summary>Protects <paramref name="plaintext"/> (a complete xDLMS APDU) into a general-ciphering APDU.</summary>
    public static GeneralCiphering Protect(GeneralProtectionHeader header, GeneralCipheringKeyMode mode, GeneralCipheringKeyring keyring,
        SecurityControlByte control, uint invocationCounter, ReadOnlySpan<byte> plaintext)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(keyring);
        EnsureSuite(control, keyring);
        byte[]? ownedKey = null;
        try
        {
            KeyInfo keyInfo;
            ReadOnlySpan<byte> key;
            switch (mode)
            {
                case GeneralCipheringKeyMode.GlobalUnicastKey:
                    key = keyring.Require(keyring.Keys, "the global keys").GlobalUnicastKey;
                    keyInfo = KeyInfo.IdentifiedKey(KeyId.GlobalUnicastEncryptionKey);
                    break;
                case GeneralCipheringKeyMode.GlobalBroadcastKey:
                    key = BroadcastKey(keyring);
                    keyInfo = KeyInfo.IdentifiedKey(KeyId.GlobalBroadcastEncryptionKey);
                    break;
                case GeneralCipheringKeyMode.WrappedKey:
                    EnsureMasterKey(keyring);
                    ownedKey = RandomNumberGenerator.GetBytes(keyring.Suite.KeyLength());
                    keyInfo = KeyInfo.WrappedKey(KekId.MasterKey, AesKeyWrap.Wrap(keyring.MasterKey, ownedKey));
                    key = ownedKey;
                    break;
                case GeneralCipheringKeyMode.EphemeralStaticAgreement:
                {
                    var signing = keyring.Require(keyring.SigningKey, "the originator's signing key");
                    var recipientKey = keyring.Require(keyring.PeerKeyAgreementKey, "the recipient's public key agreement key");
                    var (ephemeral, agreed) = EcdhKeyAgreement.InitiateEphemeralStatic(keyring.Suite, recipientKey, Algorithm(keyring.Suite),
                        header.Originator.ToArray(), header.Recipient.ToArray());
                    ownedKey = agreed;
                    var publicKey = ephemeral.ToRaw();
                    var signature = EcdsaSignature.Sign(signing, publicKey);
                    keyInfo = KeyInfo.AgreedKey(new[] { EphemeralStaticScheme }, Concat(publicKey, signature));
                    key = ownedKey;
                    break;
                }
                case GeneralCipheringKeyMode.StaticStaticAgreement:
                    ownedKey = StaticStaticKey(header, keyring);
                    keyInfo = KeyInfo.AgreedKey(new[] { StaticStaticScheme }, ReadOnlyMemory<byte>.Empty);
                    key = ownedKey;
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(mode), mode, "Not a general-ciphering key mode.");
            }
            var text = GcmEnvelope.Seal(key, header.Originator, invocationCounter, control, Aad(control, keyring, header), plaintext);
            return new GeneralCiphering(header.TransactionId, header.Originator.ToArray(), header.Recipient.ToArray(), header.DateTime,
                header.OtherInformation, keyInfo, new SecurityControl(control.Value), invocationCounter, text);
        }
        finally
        {
            if (ownedKey is not null)
            {
                CryptographicOperations.ZeroMemory(ownedKey);
            }
        }
    }

    /// <summary>
    /// Checks and decrypts a general-ciphering APDU; returns the plaintext APDU. <paramref name="header"/> gives SC and
    /// IC for the caller's replay check. Throws <see cref="CosemSecurityException"/> for a wrong key, a tampered
    /// header or content, a bad ephemeral key signature, a foreign recipient or a missing key.
    /// </summary>
    public static byte[] Unprotect(GeneralCiphering apdu, GeneralCipheringKeyring keyring, out SecurityHeader header)
    {
        ArgumentNullException.ThrowIfNull(apdu);
        ArgumentNullException.ThrowIfNull(keyring);
        var fields = GeneralProtectionHeader.From(apdu.TransactionId, apdu.OriginatorSystemTitle, apdu.RecipientSystemTitle,
            apdu.DateTime, apdu.OtherInformation);
        if (keyring.SystemTitle is { } own && own != fields.Recipient)
        {
            throw new CosemSecurityException(SecurityFailure.MalformedInput,
                $"The general-ciphering APDU is addressed to {fields.Recipient}, not to this party ({own}).");
        }
        var control = new SecurityControlByte(apdu.SecurityControl.Value);
        EnsureSuite(control, keyring);
        header = new SecurityHeader(control, apdu.InvocationCounter);
        var key = RecipientKey(apdu, fields, control, keyring);
        try
        {
            return GcmEnvelope.Open(key, fields.Originator, apdu.InvocationCounter, control, Aad(control, keyring, fields), apdu.CipheredText.Span);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>The KDF algorithm for the suite's block cipher (IEC 62056-5-3 §9.2.3.4.6.5).</summary>
    public static KeyAgreementAlgorithm Algorithm(SecuritySuite suite) =>
        suite == SecuritySuite.Suite2 ? KeyAgreementAlgorithm.AesGcm256 : KeyAgreementAlgorithm.AesGcm128;

    // The key the recipient uses, as a copy it zeroes afterwards.
    private static byte[] RecipientKey(GeneralCiphering apdu, GeneralProtectionHeader fields, SecurityControlByte control, GeneralCipheringKeyring keyring)
    {
        if (apdu.KeyInfo is not { } info)
        {
            // No key-info: the key is known from the context; the key-set bit chooses unicast or broadcast.
            return control.UsesBroadcastKey ? BroadcastKey(keyring).ToArray() : keyring.Require(keyring.Keys, "the global keys").GlobalUnicastKey.ToArray();
        }
        switch (info.Kind)
        {
            case KeyInfoKind.IdentifiedKey:
                return info.KeyId switch
                {
                    KeyId.GlobalUnicastEncryptionKey => keyring.Require(keyring.Keys, "the global keys").GlobalUnicastKey.ToArray(),
                    KeyId.GlobalBroadcastEncryptionKey => BroadcastKey(keyring).ToArray(),
                    _ => throw new CosemSecurityException(SecurityFailure.MalformedInput, $"Key-id {(byte)info.KeyId} is not defined."),
                };
            case KeyInfoKind.WrappedKey:
                if (info.KekId != KekId.MasterKey)
                {
                    throw new CosemSecurityException(SecurityFailure.MalformedInput, $"Kek-id {(byte)info.KekId} is not defined.");
                }
                EnsureMasterKey(keyring);
                var unwrapped = AesKeyWrap.Unwrap(keyring.MasterKey, info.KeyCipheredData.Span);
                if (unwrapped.Length != keyring.Suite.KeyLength())
                {
                    CryptographicOperations.ZeroMemory(unwrapped);
                    throw new CosemSecurityException(SecurityFailure.InvalidKey,
                        $"The wrapped key has {unwrapped.Length} bytes; security suite {(int)keyring.Suite} needs {keyring.Suite.KeyLength()}.");
                }
                return unwrapped;
            case KeyInfoKind.AgreedKey:
                return AgreedRecipientKey(info, fields, keyring);
            default:
                throw new CosemSecurityException(SecurityFailure.MalformedInput, $"Key-info choice {(byte)info.Kind} is not defined.");
        }
    }

    private static byte[] AgreedRecipientKey(KeyInfo info, GeneralProtectionHeader fields, GeneralCipheringKeyring keyring)
    {
        var parameters = info.KeyParameters.Span;
        if (parameters.Length != 1)
        {
            throw new CosemSecurityException(SecurityFailure.MalformedInput,
                $"Agreed-key key-parameters has {parameters.Length} bytes; it is one byte naming the scheme.");
        }
        switch (parameters[0])
        {
            case EphemeralStaticScheme:
            {
                var curve = keyring.Suite.Curve();
                var data = info.KeyCipheredData.Span;
                if (data.Length != curve.PublicKeyLength() + curve.SignatureLength())
                {
                    throw new CosemSecurityException(SecurityFailure.MalformedInput,
                        $"C(1e, 1s) key-ciphered-data has {data.Length} bytes; {curve} needs a {curve.PublicKeyLength()}-byte public key and a {curve.SignatureLength()}-byte signature.");
                }
                var publicKey = data[..curve.PublicKeyLength()];
                var signerKey = keyring.Require(keyring.PeerSigningKey, "the originator's public signing key");
                // Green Book §9.2.3.4.6.3: an unauthenticated ephemeral key would allow a man in the middle.
                EcdsaSignature.EnsureValid(signerKey, publicKey, data[curve.PublicKeyLength()..]);
                var ephemeral = EccPublicKey.FromRaw(curve, publicKey);
                return EcdhKeyAgreement.CompleteEphemeralStatic(keyring.Suite, keyring.Require(keyring.KeyAgreementKey, "this party's key agreement key"),
                    ephemeral, Algorithm(keyring.Suite), fields.Originator.ToArray(), fields.Recipient.ToArray());
            }
            case StaticStaticScheme:
                if (!info.KeyCipheredData.IsEmpty)
                {
                    throw new CosemSecurityException(SecurityFailure.MalformedInput, "C(0e, 2s) key-ciphered-data must be empty.");
                }
                return StaticStaticKey(fields, keyring);
            default:
                throw new CosemSecurityException(SecurityFailure.MalformedInput,
                    $"Agreed-key scheme 0x{parameters[0]:X2} is not defined (0x01 C(1e, 1s), 0x02 C(0e, 2s)).");
        }
    }

    // Static Unified Model: PartyUInfo = ID_U, PartyVInfo = 08 ‖ transaction-id ‖ ID_V (the transaction-id is Nonce_U).
    private static byte[] StaticStaticKey(GeneralProtectionHeader header, GeneralCipheringKeyring keyring)
    {
        if (header.TransactionId.Length != 8)
        {
            throw new CosemSecurityException(SecurityFailure.MalformedInput,
                $"C(0e, 2s) uses the transaction-id as an 8-byte nonce; it has {header.TransactionId.Length} bytes.");
        }
        var own = keyring.Require(keyring.KeyAgreementKey, "this party's key agreement key");
        var peer = keyring.Require(keyring.PeerKeyAgreementKey, "the peer's public key agreement key");
        var partyV = new byte[1 + 8 + SystemTitle.Length];
        partyV[0] = 8;
        header.TransactionId.Span.CopyTo(partyV.AsSpan(1));
        header.Recipient.CopyTo(partyV.AsSpan(9));
        return EcdhKeyAgreement.DeriveStaticStatic(keyring.Suite, own, peer, Algorithm(keyring.Suite), header.Originator.ToArray(), partyV);
    }

    private static byte[] Aad(SecurityControlByte control, GeneralCipheringKeyring keyring, GeneralProtectionHeader header)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        buffer.Write([control.Value]);
        buffer.Write(keyring.AuthenticationKey);
        header.WriteTo(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    private static ReadOnlySpan<byte> BroadcastKey(GeneralCipheringKeyring keyring)
    {
        var keys = keyring.Require(keyring.Keys, "the global keys");
        return keys.HasGlobalBroadcastKey
            ? keys.GlobalBroadcastKey
            : throw new CosemSecurityException(SecurityFailure.InvalidKey, "No global broadcast key is configured.");
    }

    private static void EnsureMasterKey(GeneralCipheringKeyring keyring)
    {
        if (!keyring.HasMasterKey)
        {
            throw new CosemSecurityException(SecurityFailure.InvalidKey, "A wrapped key needs the master key (KEK), which the keyring lacks.");
        }
    }

    private static void EnsureSuite(SecurityControlByte control, GeneralCipheringKeyring keyring)
    {
        if (control.Suite != keyring.Suite)
        {
            throw new CosemSecurityException(SecurityFailure.UnsupportedSuite,
                $"The security control byte {control.Value:X2} names security suite {(int)control.Suite}; the keyring is for suite {(int)keyring.Suite}.");
        }
    }

    private static byte[] Concat(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        var result = new byte[first.Length + second.Length];
        first.CopyTo(result);
        second.CopyTo(result.AsSpan(first.Length));
        return result;
    }
}
