using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>One result per variable read, tag 12 (IEC 62056-5-3 §9.5, ReadResponse ::= SEQUENCE OF CHOICE { … }).</summary>
public sealed class ReadResponse : Apdu
{
    // A choice byte and at least one more byte.
    private const int MinimumItemLength = 2;

    /// <summary>Builds a ReadResponse, one result per variable of the request.</summary>
    public ReadResponse(IReadOnlyList<ReadResult> results)
    {
        Results = results ?? throw new ArgumentNullException(nameof(results));
    }

    /// <inheritdoc/>
    public override ApduTag Tag => ApduTag.ReadResponse;

    /// <summary>
    /// One Read-Result per variable read, in request order: data, data-access-error, a data block or a block number.
    /// </summary>
    public IReadOnlyList<ReadResult> Results { get; init; }

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

    internal static ReadResponse Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        ApduFields.ExpectTag(ref reader, ApduTag.ReadResponse);
        int count = ApduFields.ReadCount(ref reader, "read-response", MinimumItemLength);
        var results = new ReadResult[count];
        for (int i = 0; i < count; i++)
        {
            results[i] = ReadResult.Decode(source, ref reader);
        }
        return new ReadResponse(results);
    }
}
