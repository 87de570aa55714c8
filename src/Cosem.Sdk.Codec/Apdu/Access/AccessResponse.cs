using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// The answer to an ACCESS request, tag 218 (IEC 62056-5-3 §9.5, Access-Response ::= SEQUENCE
/// { long-invoke-id-and-priority, date-time OCTET STRING, access-response-body ::= SEQUENCE
/// { access-request-specification [0] SEQUENCE OF Access-Request-Specification OPTIONAL,
/// access-response-list-of-data List-Of-Data, access-response-specification SEQUENCE OF Access-Response-Specification } }).
/// </summary>
public sealed class AccessResponse : Apdu
{
    /// <summary>
    /// An answer with one encoded Data in <paramref name="data"/> and one result in <paramref name="results"/> per request,
    /// repeating <paramref name="requestSpecifications"/> when self-descriptive (null otherwise).
    /// </summary>
    public AccessResponse(
        LongInvokeIdAndPriority longInvokeIdAndPriority,
        ReadOnlyMemory<byte> dateTime,
        IReadOnlyList<AccessRequestSpecification>? requestSpecifications,
        IReadOnlyList<ReadOnlyMemory<byte>> data,
        IReadOnlyList<AccessResponseSpecification> results)
    {
        LongInvokeIdAndPriority = longInvokeIdAndPriority;
        DateTime = dateTime;
        RequestSpecifications = requestSpecifications;
        Data = data ?? throw new ArgumentNullException(nameof(data));
        Results = results ?? throw new ArgumentNullException(nameof(results));
    }

    /// <summary>Always <see cref="ApduTag.AccessResponse"/> (218).</summary>
    public override ApduTag Tag => ApduTag.AccessResponse;

    /// <summary>The invoke-id and flags of the request answered, as the server echoes them.</summary>
    public LongInvokeIdAndPriority LongInvokeIdAndPriority { get; init; }

    /// <summary>A COSEM date-time (12 bytes), or empty.</summary>
    public ReadOnlyMemory<byte> DateTime { get; init; }

    /// <summary>The requests answered, when the server repeats them; null when absent.</summary>
    public IReadOnlyList<AccessRequestSpecification>? RequestSpecifications { get; init; }

    /// <summary>One encoded Data value per request: the value read, the method's return data, or null-data.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Data { get; init; }

    /// <summary>One result per request, in request order: a data-access-result or an action-result.</summary>
    public IReadOnlyList<AccessResponseSpecification> Results { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        writer.WriteRawByte((byte)Tag);
        writer.WriteRawUInt32(LongInvokeIdAndPriority.Value);
        ApduFields.WriteOctetString(ref writer, DateTime.Span);
        writer.WriteOptionalFlag(RequestSpecifications is not null);
        if (RequestSpecifications is not null)
        {
            AccessRequestSpecification.EncodeList(ref writer, RequestSpecifications);
        }
        ApduFields.WriteDataList(ref writer, Data);
        writer.WriteLength(Results.Count);
        for (int i = 0; i < Results.Count; i++)
        {
            Results[i].Encode(ref writer);
        }
    }

    internal static AccessResponse Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        ApduFields.ExpectTag(ref reader, ApduTag.AccessResponse);
        var invokeId = new LongInvokeIdAndPriority(reader.ReadRawUInt32("long-invoke-id-and-priority"));
        var dateTime = ApduFields.ReadOctetString(source, ref reader, "date-time");
        var requests = reader.ReadOptionalFlag("access-request-specification")
            ? AccessRequestSpecification.DecodeList(source, ref reader)
            : null;
        var data = ApduFields.ReadDataList(source, ref reader, "access-response-list-of-data");
        int count = ApduFields.ReadCount(ref reader, "access-response-specification", AccessResponseSpecification.EncodedLength);
        var results = new AccessResponseSpecification[count];
        for (int i = 0; i < count; i++)
        {
            results[i] = AccessResponseSpecification.Decode(ref reader);
        }
        return new AccessResponse(invokeId, dateTime, requests, data, results);
    }
}
