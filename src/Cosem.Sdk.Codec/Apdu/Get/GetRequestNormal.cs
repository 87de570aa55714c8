using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>Reads one attribute (IEC 62056-5-3 §9.5, Get-Request-Normal): C0 01 ….</summary>
public sealed class GetRequestNormal : GetRequest
{
    public GetRequestNormal(
        InvokeIdAndPriority invokeIdAndPriority,
        CosemAttributeDescriptor attributeDescriptor,
        SelectiveAccessDescriptor? accessSelection = null)
        : base(invokeIdAndPriority)
    {
        AttributeDescriptor = attributeDescriptor;
        AccessSelection = accessSelection;
    }

    public CosemAttributeDescriptor AttributeDescriptor { get; init; }

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
