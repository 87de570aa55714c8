using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>Starts writing one attribute whose value does not fit one APDU (IEC 62056-5-3 §9.5, Set-Request-With-First-Datablock): C1 02 ….</summary>
public sealed class SetRequestWithFirstDataBlock : SetRequest
{
    /// <summary>
    /// Builds a set-request-with-first-datablock: the attribute and the first block of a value too long for one APDU.
    /// </summary>
    public SetRequestWithFirstDataBlock(
        InvokeIdAndPriority invokeIdAndPriority,
        CosemAttributeDescriptor attributeDescriptor,
        SelectiveAccessDescriptor? accessSelection,
        DataBlockSA dataBlock)
        : base(invokeIdAndPriority)
    {
        AttributeDescriptor = attributeDescriptor;
        AccessSelection = accessSelection;
        DataBlock = dataBlock;
    }

    /// <summary>cosem-attribute-descriptor of the attribute being written in blocks.</summary>
    public CosemAttributeDescriptor AttributeDescriptor { get; init; }

    /// <summary>access-selection OPTIONAL: selective access for the write; null when absent.</summary>
    public SelectiveAccessDescriptor? AccessSelection { get; init; }

    /// <summary>datablock: the first block (block-number 1) of the encoded value.</summary>
    public DataBlockSA DataBlock { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        ApduFields.WriteServiceHeader(ref writer, Tag, WithFirstDataBlockChoice, InvokeIdAndPriority);
        AttributeDescriptor.Encode(ref writer);
        ApduFields.WriteOptionalSelection(ref writer, AccessSelection);
        DataBlock.Encode(ref writer);
    }

    internal static new SetRequestWithFirstDataBlock Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        var invokeId = ApduFields.ReadServiceHeader(ref reader, ApduTag.SetRequest, WithFirstDataBlockChoice, ChoiceField);
        var attributeDescriptor = CosemAttributeDescriptor.Decode(ref reader);
        var accessSelection = ApduFields.ReadOptionalSelection(source, ref reader);
        var dataBlock = DataBlockSA.Decode(source, ref reader, "datablock");
        return new SetRequestWithFirstDataBlock(invokeId, attributeDescriptor, accessSelection, dataBlock);
    }
}
