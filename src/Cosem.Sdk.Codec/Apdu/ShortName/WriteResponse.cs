using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>One result per variable written, tag 13 (IEC 62056-5-3 §9.5, WriteResponse ::= SEQUENCE OF CHOICE { … }).</summary>
public sealed class WriteResponse : Apdu
{
    /// <summary>Builds a WriteResponse, one result per variable of the request.</summary>
    public WriteResponse(IReadOnlyList<WriteResult> results)
    {
        Results = results ?? throw new ArgumentNullException(nameof(results));
    }

    /// <inheritdoc/>
    public override ApduTag Tag => ApduTag.WriteResponse;

    /// <summary>
    /// One Write-Result per variable written, in request order: success, data-access-error or a block number.
    /// </summary>
    public IReadOnlyList<WriteResult> Results { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        writer.WriteRawByte((byte)Tag);
        writer.WriteLength(Results.Count);
        for (int i = 0; i < Results.Count; i++)
        {
            Results[i].Encode(ref writer);
        }
    }

    internal static WriteResponse Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        ApduFields.ExpectTag(ref reader, ApduTag.WriteResponse);
        int count = ApduFields.ReadCount(ref reader, "write-response");
        var results = new WriteResult[count];
        for (int i = 0; i < count; i++)
        {
            results[i] = WriteResult.Decode(ref reader);
        }
        return new WriteResponse(results);
    }
}
