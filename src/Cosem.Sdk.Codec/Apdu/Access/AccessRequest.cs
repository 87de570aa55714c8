using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// Several GET, SET and ACTION requests in one APDU, tag 217 (IEC 62056-5-3 §9.5, Access-Request ::= SEQUENCE
/// { long-invoke-id-and-priority, date-time OCTET STRING, access-request-body ::= SEQUENCE
/// { access-request-specification SEQUENCE OF Access-Request-Specification, access-request-list-of-data List-Of-Data } }).
/// </summary>
public sealed class AccessRequest : Apdu
{
    /// <summary>A request of <paramref name="specifications"/> with one encoded Data each in <paramref name="data"/> (same order, same count).</summary>
    public AccessRequest(
        LongInvokeIdAndPriority longInvokeIdAndPriority,
        ReadOnlyMemory<byte> dateTime,
        IReadOnlyList<AccessRequestSpecification> specifications,
        IReadOnlyList<ReadOnlyMemory<byte>> data)
    {
        LongInvokeIdAndPriority = longInvokeIdAndPriority;
        DateTime = dateTime;
        Specifications = specifications ?? throw new ArgumentNullException(nameof(specifications));
        Data = data ?? throw new ArgumentNullException(nameof(data));
    }

    /// <summary>Always <see cref="ApduTag.AccessRequest"/> (217).</summary>
    public override ApduTag Tag => ApduTag.AccessRequest;

    /// <summary>The 24-bit invoke-id with the self-descriptive, processing-option, service-class and priority bits.</summary>
    public LongInvokeIdAndPriority LongInvokeIdAndPriority { get; init; }

    /// <summary>A COSEM date-time (12 bytes), or empty.</summary>
    public ReadOnlyMemory<byte> DateTime { get; init; }

    /// <summary>The GET, SET and ACTION requests, carried out in this order.</summary>
    public IReadOnlyList<AccessRequestSpecification> Specifications { get; init; }

    /// <summary>One encoded Data value per specification: the value to set, the method parameters, or null-data.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Data { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        writer.WriteRawByte((byte)Tag);
        writer.WriteRawUInt32(LongInvokeIdAndPriority.Value);
        ApduFields.WriteOctetString(ref writer, DateTime.Span);
        AccessRequestSpecification.EncodeList(ref writer, Specifications);
        ApduFields.WriteDataList(ref writer, Data);
    }

    internal static AccessRequest Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        ApduFields.ExpectTag(ref reader, ApduTag.AccessRequest);
        var invokeId = new LongInvokeIdAndPriority(reader.ReadRawUInt32("long-invoke-id-and-priority"));
        var dateTime = ApduFields.ReadOctetString(source, ref reader, "date-time");
        var specifications = AccessRequestSpecification.DecodeList(source, ref reader);
        var data = ApduFields.ReadDataList(source, ref reader, "access-request-list-of-data");
        return new AccessRequest(invokeId, dateTime, specifications, data);
    }
}
