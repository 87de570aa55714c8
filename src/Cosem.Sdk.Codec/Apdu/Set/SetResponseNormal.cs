using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>The result of writing one attribute (IEC 62056-5-3 §9.5, Set-Response-Normal): C5 01 ….</summary>
public sealed class SetResponseNormal : SetResponse
{
    /// <summary>Builds a set-response-normal answering one attribute write.</summary>
    public SetResponseNormal(
        InvokeIdAndPriority invokeIdAndPriority,
        DataAccessResult result)
        : base(invokeIdAndPriority)
    {
        Result = result;
    }

    /// <summary>result: the data-access-result of the write.</summary>
    public DataAccessResult Result { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        ApduFields.WriteServiceHeader(ref writer, Tag, NormalChoice, InvokeIdAndPriority);
        writer.WriteRawByte((byte)Result);
    }

    internal static new SetResponseNormal Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        var invokeId = ApduFields.ReadServiceHeader(ref reader, ApduTag.SetResponse, NormalChoice, ChoiceField);
        var result = (DataAccessResult)reader.ReadRawByte("result");
        return new SetResponseNormal(invokeId, result);
    }
}
