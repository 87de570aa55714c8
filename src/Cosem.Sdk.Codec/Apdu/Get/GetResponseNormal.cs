using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>The value of one attribute, or why it could not be read (IEC 62056-5-3 §9.5, Get-Response-Normal): C4 01 ….</summary>
public sealed class GetResponseNormal : GetResponse
{
    /// <summary>Builds a get-response-normal answering one attribute.</summary>
    public GetResponseNormal(InvokeIdAndPriority invokeIdAndPriority, GetDataResult result)
        : base(invokeIdAndPriority)
    {
        Result = result;
    }

    /// <summary>result: the Data read or the data-access-result explaining why not.</summary>
    public GetDataResult Result { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        ApduFields.WriteServiceHeader(ref writer, Tag, NormalChoice, InvokeIdAndPriority);
        Result.Encode(ref writer);
    }

    internal static new GetResponseNormal Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        var invokeId = ApduFields.ReadServiceHeader(ref reader, ApduTag.GetResponse, NormalChoice, ChoiceField);
        return new GetResponseNormal(invokeId, GetDataResult.Decode(source, ref reader));
    }
}
