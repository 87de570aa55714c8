using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>Writes one attribute (IEC 62056-5-3 §9.5, Set-Request-Normal): C1 01 ….</summary>
public sealed class SetRequestNormal : SetRequest
{
    /// <summary>
    /// Builds a set-request-normal writing one attribute, with optional selective access and the encoded value.
    /// </summary>
    public SetRequestNormal(
        InvokeIdAndPriority invokeIdAndPriority,
        CosemAttributeDescriptor attributeDescriptor,
        SelectiveAccessDescriptor? accessSelection,
        ReadOnlyMemory<byte> value)
        : base(invokeIdAndPriority)
    {
        AttributeDescriptor = attributeDescriptor;
        AccessSelection = accessSelection;
        Value = value;
    }

    /// <summary>cosem-attribute-descriptor: class id, logical name and attribute id to write.</summary>
    public CosemAttributeDescriptor AttributeDescriptor { get; init; }

    /// <summary>
    /// access-selection OPTIONAL: selective access for the write; null for a write of the whole attribute.
    /// </summary>
    public SelectiveAccessDescriptor? AccessSelection { get; init; }

    /// <summary>One encoded Data value.</summary>
    public ReadOnlyMemory<byte> Value { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        ApduFields.WriteServiceHeader(ref writer, Tag, NormalChoice, InvokeIdAndPriority);
        AttributeDescriptor.Encode(ref writer);
        ApduFields.WriteOptionalSelection(ref writer, AccessSelection);
        writer.WriteEncoded(Value.Span);
    }

    internal static new SetRequestNormal Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        var invokeId = ApduFields.ReadServiceHeader(ref reader, ApduTag.SetRequest, NormalChoice, ChoiceField);
        var attributeDescriptor = CosemAttributeDescriptor.Decode(ref reader);
        var accessSelection = ApduFields.ReadOptionalSelection(source, ref reader);
        var value = ApduFields.ReadData(source, ref reader);
        return new SetRequestNormal(invokeId, attributeDescriptor, accessSelection, value);
    }
}
