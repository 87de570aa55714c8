using System.Buffers;
using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.Security;

/// <summary>
/// Builds and verifies general-signing APDUs (tag 223, IEC 62056-5-3 §9.2.7.2.5 and §9.5): ECDSA with P-256/SHA-256
/// (suite 1) or P-384/SHA-384 (suite 2), signature r ‖ s. The signed message is the A-XDR encoding (length and
/// value) of transaction-id, originator-system-title, recipient-system-title, date-time, other-information and
/// content, in that order (Green Book: "the length and the value of each field contribute to the signature").
/// </summary>
public static class GeneralSigningProtection
{
    /// <summary>Signs <paramref name="content"/> (typically an xDLMS APDU) with the originator's signing key.</summary>
    public static GeneralSigning Sign(GeneralProtectionHeader header, EccKeyPair signingKey, ReadOnlyMemory<byte> content)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(signingKey);
        var signature = EcdsaSignature.Sign(signingKey, SignedMessage(header, content.Span));
        return new GeneralSigning(header.TransactionId, header.Originator.ToArray(), header.Recipient.ToArray(), header.DateTime,
            header.OtherInformation, content, signature);
    }

    /// <summary>
    /// Verifies the signature with the originator's public key and returns the signed content. Throws
    /// <see cref="CosemSecurityException"/> (<see cref="SecurityFailure.InvalidSignature"/>) when the signature is
    /// missing, malformed or does not verify: a different key, or any field changed.
    /// </summary>
    public static ReadOnlyMemory<byte> Verify(GeneralSigning apdu, EccPublicKey originatorKey)
    {
        ArgumentNullException.ThrowIfNull(apdu);
        ArgumentNullException.ThrowIfNull(originatorKey);
        if (apdu.Signature.Length != originatorKey.Curve.SignatureLength())
        {
            throw new CosemSecurityException(SecurityFailure.InvalidSignature,
                $"The general-signing signature has {apdu.Signature.Length} bytes; a {originatorKey.Curve} signature has {originatorKey.Curve.SignatureLength()}.");
        }
        var header = GeneralProtectionHeader.From(apdu.TransactionId, apdu.OriginatorSystemTitle, apdu.RecipientSystemTitle,
            apdu.DateTime, apdu.OtherInformation);
        EcdsaSignature.EnsureValid(originatorKey, SignedMessage(header, apdu.Content.Span), apdu.Signature.Span);
        return apdu.Content;
    }

    private static byte[] SignedMessage(GeneralProtectionHeader header, ReadOnlySpan<byte> content)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + content.Length);
        header.WriteTo(buffer);
        var writer = new Cosem.Sdk.Axdr.AxdrWriter(buffer);
        writer.WriteLength(content.Length);
        writer.WriteRawBytes(content);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }
}
