using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>One block of a long GET response (IEC 62056-5-3 §9.5, Get-Response-With-Datablock): C4 02 ….</summary>
public sealed class GetResponseWithDataBlock : GetResponse
{
    /// <summary>Builds a get-response-with-datablock carrying one block of a long response.</summary>
    public GetResponseWithDataBlock(InvokeIdAndPriority invokeIdAndPriority, DataBlockG block)
        : base(invokeIdAndPriority)
    {
        Block = block;
    }

    /// <summary>result: the DataBlock-G with last-block, block-number and the raw data or an error.</summary>
    public DataBlockG Block { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        ApduFields.WriteServiceHeader(ref writer, Tag, WithDataBlockChoice, InvokeIdAndPriority);
        Block.Encode(ref writer);
    }

    internal static new GetResponseWithDataBlock Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        var invokeId = ApduFields.ReadServiceHeader(ref reader, ApduTag.GetResponse, WithDataBlockChoice, ChoiceField);
        return new GetResponseWithDataBlock(invokeId, DataBlockG.Decode(source, ref reader));
    }
}
