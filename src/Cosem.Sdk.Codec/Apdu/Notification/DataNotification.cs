using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// Pushed data, tag 15 (IEC 62056-5-3 §9.5, Data-Notification ::= SEQUENCE { long-invoke-id-and-priority,
/// date-time OCTET STRING, notification-body Notification-Body ::= SEQUENCE { data-value Data } }).
/// </summary>
public sealed class DataNotification : Apdu
{
    /// <summary>
    /// Builds a DATA-NOTIFICATION from its long-invoke-id-and-priority, optional date-time (empty when absent) and
    /// encoded notification-body.
    /// </summary>
    public DataNotification(LongInvokeIdAndPriority longInvokeIdAndPriority, ReadOnlyMemory<byte> dateTime, ReadOnlyMemory<byte> body)
    {
        LongInvokeIdAndPriority = longInvokeIdAndPriority;
        DateTime = dateTime;
        Body = body;
    }

    /// <inheritdoc/>
    public override ApduTag Tag => ApduTag.DataNotification;

    /// <summary>
    /// long-invoke-id-and-priority: 24-bit invoke-id plus self-descriptive, break-on-error, service-class and priority
    /// bits.
    /// </summary>
    public LongInvokeIdAndPriority LongInvokeIdAndPriority { get; init; }

    /// <summary>A COSEM date-time (12 bytes), or empty when the server sent none.</summary>
    public ReadOnlyMemory<byte> DateTime { get; init; }

    /// <summary>The notification body: one encoded Data value, usually a structure.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        writer.WriteRawByte((byte)Tag);
        writer.WriteRawUInt32(LongInvokeIdAndPriority.Value);
        ApduFields.WriteOctetString(ref writer, DateTime.Span);
        writer.WriteEncoded(Body.Span);
    }

    internal static DataNotification Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        ApduFields.ExpectTag(ref reader, ApduTag.DataNotification);
        var invokeId = new LongInvokeIdAndPriority(reader.ReadRawUInt32("long-invoke-id-and-priority"));
        var dateTime = ApduFields.ReadOctetString(source, ref reader, "date-time");
        return new DataNotification(invokeId, dateTime, ApduFields.ReadData(source, ref reader));
    }
}
