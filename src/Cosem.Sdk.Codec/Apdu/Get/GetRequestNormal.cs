using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>Reads one attribute (IEC 62056-5-3 §9.5, Get-Request-Normal): C0 01 ….</summary>
public sealed class GetRequestNormal : GetRequest
{
    /// <summary>Builds a get-request-normal for one attribute, with optional selective access.</summary>
    public GetRequestNormal(
        InvokeIdAndPriority invokeIdAndPriority,
        CosemAttributeDescriptor attributeDescriptor,
        SelectiveAccessDescriptor? accessSelection = null)
        : base(invokeIdAndPriority)
    {
        AttributeDescriptor = attributeDescriptor;
        AccessSelection = accessSelection;
    }

    /// <summary>cosem-attribute-descriptor: class id, logical name and attribute id to read.</summary>
    public CosemAttributeDescriptor AttributeDescriptor { get; init; }

    /// <summary>
    /// access-selection OPTIONAL: the selective access (selector and parameters); null for a plain read of the whole
    /// attribute.
    /// </summary>
    public SelectiveAccessDescriptor? AccessSelection { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        ApduFields.WriteServiceHeader(ref writer, Tag, NormalChoice, InvokeIdAndPriority);
        AttributeDescriptor.Encode(ref writer);
        ApduFields.WriteOptionalSelection(ref writer, AccessSelection);
    }

    internal static new GetRequestNormal Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        var invokeId = ApduFields.ReadServiceHeader(ref reader, ApduTag.GetRequest, NormalChoice, ChoiceField);
        var descriptor = CosemAttributeDescriptor.Decode(ref reader);
        return new GetRequestNormal(invokeId, descriptor, ApduFields.ReadOptionalSelection(source, ref reader));
    }
}
