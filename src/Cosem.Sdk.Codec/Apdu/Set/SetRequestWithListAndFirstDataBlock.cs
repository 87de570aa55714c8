using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>Starts writing several attributes whose values do not fit one APDU (IEC 62056-5-3 §9.5, Set-Request-With-List-And-First-Datablock): C1 05 ….</summary>
public sealed class SetRequestWithListAndFirstDataBlock : SetRequest
{
    /// <summary>
    /// Builds a set-request-with-list-and-first-datablock: several attributes, with their values sent in blocks.
    /// </summary>
    public SetRequestWithListAndFirstDataBlock(
        InvokeIdAndPriority invokeIdAndPriority,
        IReadOnlyList<CosemAttributeDescriptorWithSelection> attributeDescriptors,
        DataBlockSA dataBlock)
        : base(invokeIdAndPriority)
    {
        AttributeDescriptors = attributeDescriptors ?? throw new ArgumentNullException(nameof(attributeDescriptors));
        DataBlock = dataBlock;
    }

    /// <summary>attribute-descriptor-list: the attributes to write with their optional selective access.</summary>
    public IReadOnlyList<CosemAttributeDescriptorWithSelection> AttributeDescriptors { get; init; }

    /// <summary>datablock: the first block of the encoded value list.</summary>
    public DataBlockSA DataBlock { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        ApduFields.WriteServiceHeader(ref writer, Tag, WithListAndFirstDataBlockChoice, InvokeIdAndPriority);
        CosemAttributeDescriptorWithSelection.EncodeList(ref writer, AttributeDescriptors);
        DataBlock.Encode(ref writer);
    }

    internal static new SetRequestWithListAndFirstDataBlock Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        var invokeId = ApduFields.ReadServiceHeader(ref reader, ApduTag.SetRequest, WithListAndFirstDataBlockChoice, ChoiceField);
        var attributeDescriptors = CosemAttributeDescriptorWithSelection.DecodeList(source, ref reader);
        var dataBlock = DataBlockSA.Decode(source, ref reader, "datablock");
        return new SetRequestWithListAndFirstDataBlock(invokeId, attributeDescriptors, dataBlock);
    }
}
