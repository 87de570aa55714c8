using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// The push client's confirmation of a confirmed DataNotification, tag 16 (IEC 62056-5-3 xDLMS ASN.1:
/// data-notification-confirm [16] IMPLICIT Data-Notification-Confirm ::= SEQUENCE { long-invoke-id-and-priority,
/// date-time OCTET STRING }; as transcribed by public ASN.1 ports of the Green Book). It echoes the
/// long-invoke-id-and-priority of the notification it confirms.
/// </summary>
public sealed class DataNotificationConfirm : Apdu
{
    /// <summary>Builds a data-notification-confirm for the notification with <paramref name="longInvokeIdAndPriority"/>,
    /// stamped with <paramref name="dateTime"/> (a 12-byte COSEM date-time, or empty).</summary>
    public DataNotificationConfirm(LongInvokeIdAndPriority longInvokeIdAndPriority, ReadOnlyMemory<byte> dateTime)
    {
        LongInvokeIdAndPriority = longInvokeIdAndPriority;
        DateTime = dateTime;
    }

    /// <inheritdoc/>
    public override ApduTag Tag => ApduTag.DataNotificationConfirm;

    /// <summary>The long-invoke-id-and-priority of the confirmed DataNotification: its invoke-id matches the two.</summary>
    public LongInvokeIdAndPriority LongInvokeIdAndPriority { get; init; }

    /// <summary>When the client confirmed: a COSEM date-time (12 bytes), or empty when it sent none.</summary>
    public ReadOnlyMemory<byte> DateTime { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        writer.WriteRawByte((byte)Tag);
        writer.WriteRawUInt32(LongInvokeIdAndPriority.Value);
        ApduFields.WriteOctetString(ref writer, DateTime.Span);
    }

    internal static DataNotificationConfirm Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        ApduFields.ExpectTag(ref reader, ApduTag.DataNotificationConfirm);
        var invokeId = new LongInvokeIdAndPriority(reader.ReadRawUInt32("long-invoke-id-and-priority"));
        return new DataNotificationConfirm(invokeId, ApduFields.ReadOctetString(source, ref reader, "date-time"));
    }
}
