using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// Any APDU protected with a key named or transported in the APDU itself, tag 221 (IEC 62056-5-3 §9.5,
/// General-Ciphering ::= SEQUENCE { transaction-id, originator-system-title, recipient-system-title, date-time,
/// other-information OCTET STRING, key-info Key-Info OPTIONAL, ciphered-content OCTET STRING }). Carried as
/// received; opening it is the job of the security layer.
/// </summary>
public sealed class GeneralCiphering : Apdu
{
    /// <summary>Builds a general-ciphering APDU from its header fields, security header and ciphered content.</summary>
    public GeneralCiphering(
        ReadOnlyMemory<byte> transactionId,
        ReadOnlyMemory<byte> originatorSystemTitle,
        ReadOnlyMemory<byte> recipientSystemTitle,
        ReadOnlyMemory<byte> dateTime,
        ReadOnlyMemory<byte> otherInformation,
        KeyInfo? keyInfo,
        SecurityControl securityControl,
        uint invocationCounter,
        ReadOnlyMemory<byte> cipheredText)
    {
        TransactionId = transactionId;
        OriginatorSystemTitle = originatorSystemTitle;
        RecipientSystemTitle = recipientSystemTitle;
        DateTime = dateTime;
        OtherInformation = otherInformation;
        KeyInfo = keyInfo;
        SecurityControl = securityControl;
        InvocationCounter = invocationCounter;
        CipheredText = cipheredText;
    }

    /// <inheritdoc/>
    public override ApduTag Tag => ApduTag.GeneralCiphering;

    /// <summary>
    /// transaction-id (OCTET STRING): identifies the transaction the APDU belongs to; empty when absent.
    /// </summary>
    public ReadOnlyMemory<byte> TransactionId { get; init; }

    /// <summary>
    /// originator-system-title (OCTET STRING, normally 8 bytes): the system title of the sender, used in the IV; empty
    /// when absent.
    /// </summary>
    public ReadOnlyMemory<byte> OriginatorSystemTitle { get; init; }

    /// <summary>
    /// recipient-system-title (OCTET STRING, normally 8 bytes): the system title of the intended receiver; empty when
    /// absent.
    /// </summary>
    public ReadOnlyMemory<byte> RecipientSystemTitle { get; init; }

    /// <summary>A COSEM date-time (12 bytes), or empty.</summary>
    public ReadOnlyMemory<byte> DateTime { get; init; }

    /// <summary>
    /// other-information (OCTET STRING): free-form data the parties agreed to authenticate; empty when absent.
    /// </summary>
    public ReadOnlyMemory<byte> OtherInformation { get; init; }

    /// <summary>
    /// key-info OPTIONAL: how the key that protects this APDU is identified, wrapped or agreed; null when absent (the
    /// current global key is used).
    /// </summary>
    public KeyInfo? KeyInfo { get; init; }

    /// <summary>
    /// security-control byte of the security header: security suite, authentication, encryption, key set and
    /// compression bits.
    /// </summary>
    public SecurityControl SecurityControl { get; init; }

    /// <summary>
    /// invocation-counter (Unsigned32) of the security header; part of the AES-GCM initialization vector.
    /// </summary>
    public uint InvocationCounter { get; init; }

    /// <summary>The protected APDU followed by the authentication tag if any.</summary>
    public ReadOnlyMemory<byte> CipheredText { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        writer.WriteRawByte((byte)Tag);
        ApduFields.WriteOctetString(ref writer, TransactionId.Span);
        ApduFields.WriteOctetString(ref writer, OriginatorSystemTitle.Span);
        ApduFields.WriteOctetString(ref writer, RecipientSystemTitle.Span);
        ApduFields.WriteOctetString(ref writer, DateTime.Span);
        ApduFields.WriteOctetString(ref writer, OtherInformation.Span);
        writer.WriteOptionalFlag(KeyInfo.HasValue);
        KeyInfo?.Encode(ref writer);
        SecuredContent.Write(ref writer, SecurityControl, InvocationCounter, CipheredText.Span);
    }

    internal static GeneralCiphering Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        ApduFields.ExpectTag(ref reader, ApduTag.GeneralCiphering);
        var transactionId = ApduFields.ReadOctetString(source, ref reader, "transaction-id");
        var originator = ApduFields.ReadOctetString(source, ref reader, "originator-system-title");
        var recipient = ApduFields.ReadOctetString(source, ref reader, "recipient-system-title");
        var dateTime = ApduFields.ReadOctetString(source, ref reader, "date-time");
        var otherInformation = ApduFields.ReadOctetString(source, ref reader, "other-information");
        KeyInfo? keyInfo = reader.ReadOptionalFlag("key-info") ? global::Cosem.Sdk.Apdu.KeyInfo.Decode(source, ref reader) : null;
        SecuredContent.Read(source, ref reader, "ciphered-content", out var control, out uint counter, out var text);
        return new GeneralCiphering(transactionId, originator, recipient, dateTime, otherInformation, keyInfo, control, counter, text);
    }
}
