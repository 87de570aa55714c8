using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>Writes several attributes at once (IEC 62056-5-3 §9.5, Set-Request-With-List): C1 04 ….</summary>
public sealed class SetRequestWithList : SetRequest
{
    /// <summary>Builds a set-request-with-list writing several attributes, one encoded value each.</summary>
    public SetRequestWithList(
        InvokeIdAndPriority invokeIdAndPriority,
        IReadOnlyList<CosemAttributeDescriptorWithSelection> attributeDescriptors,
        IReadOnlyList<ReadOnlyMemory<byte>> values)
        : base(invokeIdAndPriority)
    {
        AttributeDescriptors = attributeDescriptors ?? throw new ArgumentNullException(nameof(attributeDescriptors));
        Values = values ?? throw new ArgumentNullException(nameof(values));
    }

    /// <summary>
    /// attribute-descriptor-list: the attributes to write with their optional selective access; the value list has one
    /// entry per attribute.
    /// </summary>
    public IReadOnlyList<CosemAttributeDescriptorWithSelection> AttributeDescriptors { get; init; }

    /// <summary>One encoded Data value per attribute, in the order of the descriptors.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Values { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        ApduFields.WriteServiceHeader(ref writer, Tag, WithListChoice, InvokeIdAndPriority);
        CosemAttributeDescriptorWithSelection.EncodeList(ref writer, AttributeDescriptors);
        ApduFields.WriteDataList(ref writer, Values);
    }

    internal static new SetRequestWithList Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        var invokeId = ApduFields.ReadServiceHeader(ref reader, ApduTag.SetRequest, WithListChoice, ChoiceField);
        var attributeDescriptors = CosemAttributeDescriptorWithSelection.DecodeList(source, ref reader);
        var values = ApduFields.ReadDataList(source, ref reader, "value-list");
        return new SetRequestWithList(invokeId, attributeDescriptors, values);
    }
}
