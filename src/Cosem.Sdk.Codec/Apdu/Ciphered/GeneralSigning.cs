using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// A digitally signed APDU, tag 223 (IEC 62056-5-3 §9.5, General-Signing ::= SEQUENCE { transaction-id,
/// originator-system-title, recipient-system-title, date-time, other-information, content, signature — all
/// OCTET STRING }). Carried as received; verifying it is the job of the security layer.
/// </summary>
public sealed class GeneralSigning : Apdu
{
    /// <summary>Builds a general-signing APDU from its header fields, the signed content and the signature.</summary>
    public GeneralSigning(
        ReadOnlyMemory<byte> transactionId,
        ReadOnlyMemory<byte> originatorSystemTitle,
        ReadOnlyMemory<byte> recipientSystemTitle,
        ReadOnlyMemory<byte> dateTime,
        ReadOnlyMemory<byte> otherInformation,
        ReadOnlyMemory<byte> content,
        ReadOnlyMemory<byte> signature)
    {
        TransactionId = transactionId;
        OriginatorSystemTitle = originatorSystemTitle;
        RecipientSystemTitle = recipientSystemTitle;
        DateTime = dateTime;
        OtherInformation = otherInformation;
        Content = content;
        Signature = signature;
    }

    /// <inheritdoc/>
    public override ApduTag Tag => ApduTag.GeneralSigning;

    /// <summary>
    /// transaction-id (OCTET STRING): identifies the transaction the APDU belongs to; empty when absent.
    /// </summary>
    public ReadOnlyMemory<byte> TransactionId { get; init; }

    /// <summary>
    /// originator-system-title (OCTET STRING, normally 8 bytes): the system title of the signer; empty when absent.
    /// </summary>
    public ReadOnlyMemory<byte> OriginatorSystemTitle { get; init; }

    /// <summary>
    /// recipient-system-title (OCTET STRING, normally 8 bytes): the system title of the intended receiver; empty when
    /// absent.
    /// </summary>
    public ReadOnlyMemory<byte> RecipientSystemTitle { get; init; }

    /// <summary>A COSEM date-time (12 bytes), or empty.</summary>
    public ReadOnlyMemory<byte> DateTime { get; init; }

    /// <summary>other-information (OCTET STRING): free-form data covered by the signature; empty when absent.</summary>
    public ReadOnlyMemory<byte> OtherInformation { get; init; }

    /// <summary>The signed APDU.</summary>
    public ReadOnlyMemory<byte> Content { get; init; }

    /// <summary>The signature; empty when the APDU is not signed.</summary>
    public ReadOnlyMemory<byte> Signature { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        writer.WriteRawByte((byte)Tag);
        ApduFields.WriteOctetString(ref writer, TransactionId.Span);
        ApduFields.WriteOctetString(ref writer, OriginatorSystemTitle.Span);
        ApduFields.WriteOctetString(ref writer, RecipientSystemTitle.Span);
        ApduFields.WriteOctetString(ref writer, DateTime.Span);
        ApduFields.WriteOctetString(ref writer, OtherInformation.Span);
        ApduFields.WriteOctetString(ref writer, Content.Span);
        ApduFields.WriteOctetString(ref writer, Signature.Span);
    }

    internal static GeneralSigning Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        ApduFields.ExpectTag(ref reader, ApduTag.GeneralSigning);
        var transactionId = ApduFields.ReadOctetString(source, ref reader, "transaction-id");
        var originator = ApduFields.ReadOctetString(source, ref reader, "originator-system-title");
        var recipient = ApduFields.ReadOctetString(source, ref reader, "recipient-system-title");
        var dateTime = ApduFields.ReadOctetString(source, ref reader, "date-time");
        var otherInformation = ApduFields.ReadOctetString(source, ref reader, "other-information");
        var content = ApduFields.ReadOctetString(source, ref reader, "content");
        var signature = ApduFields.ReadOctetString(source, ref reader, "signature");
        return new GeneralSigning(transactionId, originator, recipient, dateTime, otherInformation, content, signature);
    }
}
