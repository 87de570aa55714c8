using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>One result per written attribute (IEC 62056-5-3 §9.5, Set-Response-With-List): C5 05 ….</summary>
public sealed class SetResponseWithList : SetResponse
{
    /// <summary>Builds a set-response-with-list, one result per attribute of the request.</summary>
    public SetResponseWithList(
        InvokeIdAndPriority invokeIdAndPriority,
        IReadOnlyList<DataAccessResult> results)
        : base(invokeIdAndPriority)
    {
        Results = results ?? throw new ArgumentNullException(nameof(results));
    }

    /// <summary>result: one data-access-result per attribute, in request order.</summary>
    public IReadOnlyList<DataAccessResult> Results { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        ApduFields.WriteServiceHeader(ref writer, Tag, WithListChoice, InvokeIdAndPriority);
        ApduFields.WriteDataAccessResults(ref writer, Results);
    }

    internal static new SetResponseWithList Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        var invokeId = ApduFields.ReadServiceHeader(ref reader, ApduTag.SetResponse, WithListChoice, ChoiceField);
        var results = ApduFields.ReadDataAccessResults(ref reader, "result");
        return new SetResponseWithList(invokeId, results);
    }
}
