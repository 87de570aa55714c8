using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// An unsolicited attribute value from a server, tag 194 (IEC 62056-5-3 §9.5, EVENT-NOTIFICATION-Request ::=
/// SEQUENCE { time OCTET STRING OPTIONAL, cosem-attribute-descriptor, attribute-value Data }).
/// </summary>
public sealed class EventNotificationRequest : Apdu
{
    /// <summary>
    /// Builds an EventNotificationRequest; <paramref name="time"/> is null when the optional time field is absent.
    /// </summary>
    public EventNotificationRequest(ReadOnlyMemory<byte>? time, CosemAttributeDescriptor attributeDescriptor, ReadOnlyMemory<byte> value)
    {
        Time = time;
        AttributeDescriptor = attributeDescriptor;
        Value = value;
    }

    /// <inheritdoc/>
    public override ApduTag Tag => ApduTag.EventNotificationRequest;

    /// <summary>The time of the event as a COSEM date-time (12 bytes, IEC 62056-6-2 §4.1.6.1), or null when absent.</summary>
    public ReadOnlyMemory<byte>? Time { get; init; }

    /// <summary>cosem-attribute-descriptor of the attribute whose value is being reported.</summary>
    public CosemAttributeDescriptor AttributeDescriptor { get; init; }

    /// <summary>One encoded Data value.</summary>
    public ReadOnlyMemory<byte> Value { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        writer.WriteRawByte((byte)Tag);
        writer.WriteOptionalFlag(Time.HasValue);
        if (Time is { } time)
        {
            ApduFields.WriteOctetString(ref writer, time.Span);
        }
        AttributeDescriptor.Encode(ref writer);
        writer.WriteEncoded(Value.Span);
    }

    internal static EventNotificationRequest Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        ApduFields.ExpectTag(ref reader, ApduTag.EventNotificationRequest);
        ReadOnlyMemory<byte>? time = reader.ReadOptionalFlag("time")
            ? (ReadOnlyMemory<byte>?)ApduFields.ReadOctetString(source, ref reader, "time")
            : null;
        var descriptor = CosemAttributeDescriptor.Decode(ref reader);
        return new EventNotificationRequest(time, descriptor, ApduFields.ReadData(source, ref reader));
    }
}
