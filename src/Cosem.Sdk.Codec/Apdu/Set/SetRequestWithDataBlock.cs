using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>Carries a further block of a long SET (IEC 62056-5-3 §9.5, Set-Request-With-Datablock): C1 03 ….</summary>
public sealed class SetRequestWithDataBlock : SetRequest
{
    /// <summary>Builds a set-request-with-datablock carrying a further block of the value being written.</summary>
    public SetRequestWithDataBlock(
        InvokeIdAndPriority invokeIdAndPriority,
        DataBlockSA dataBlock)
        : base(invokeIdAndPriority)
    {
        DataBlock = dataBlock;
    }

    /// <summary>datablock: the next block of the encoded value, numbered on from the first block.</summary>
    public DataBlockSA DataBlock { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        ApduFields.WriteServiceHeader(ref writer, Tag, WithDataBlockChoice, InvokeIdAndPriority);
        DataBlock.Encode(ref writer);
    }

    internal static new SetRequestWithDataBlock Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        var invokeId = ApduFields.ReadServiceHeader(ref reader, ApduTag.SetRequest, WithDataBlockChoice, ChoiceField);
        var dataBlock = DataBlockSA.Decode(source, ref reader, "datablock");
        return new SetRequestWithDataBlock(invokeId, dataBlock);
    }
}
