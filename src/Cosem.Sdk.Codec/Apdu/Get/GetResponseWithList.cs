using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>One result per requested attribute (IEC 62056-5-3 §9.5, Get-Response-With-List): C4 03 ….</summary>
public sealed class GetResponseWithList : GetResponse
{
    /// <summary>Builds a get-response-with-list, one result per attribute of the request.</summary>
    public GetResponseWithList(InvokeIdAndPriority invokeIdAndPriority, IReadOnlyList<GetDataResult> results)
        : base(invokeIdAndPriority)
    {
        Results = results ?? throw new ArgumentNullException(nameof(results));
    }

    /// <summary>result: one Get-Data-Result per requested attribute, in request order.</summary>
    public IReadOnlyList<GetDataResult> Results { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        ApduFields.WriteServiceHeader(ref writer, Tag, WithListChoice, InvokeIdAndPriority);
        writer.WriteLength(Results.Count);
        for (int i = 0; i < Results.Count; i++)
        {
            Results[i].Encode(ref writer);
        }
    }

    internal static new GetResponseWithList Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        var invokeId = ApduFields.ReadServiceHeader(ref reader, ApduTag.GetResponse, WithListChoice, ChoiceField);
        // Each result is at least a choice byte and one more byte.
        int count = ApduFields.ReadCount(ref reader, "result", 2);
        var results = new GetDataResult[count];
        for (int i = 0; i < count; i++)
        {
            results[i] = GetDataResult.Decode(source, ref reader);
        }
        return new GetResponseWithList(invokeId, results);
    }
}
