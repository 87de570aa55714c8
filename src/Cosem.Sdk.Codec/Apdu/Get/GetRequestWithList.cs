using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>Reads several attributes at once (IEC 62056-5-3 §9.5, Get-Request-With-List): C0 03 ….</summary>
public sealed class GetRequestWithList : GetRequest
{
    /// <summary>Builds a get-request-with-list reading several attributes in one request.</summary>
    public GetRequestWithList(
        InvokeIdAndPriority invokeIdAndPriority,
        IReadOnlyList<CosemAttributeDescriptorWithSelection> attributeDescriptors)
        : base(invokeIdAndPriority)
    {
        AttributeDescriptors = attributeDescriptors ?? throw new ArgumentNullException(nameof(attributeDescriptors));
    }

    /// <summary>
    /// attribute-descriptor-list: the attributes to read, each with its optional selective access; the response has one
    /// result per entry.
    /// </summary>
    public IReadOnlyList<CosemAttributeDescriptorWithSelection> AttributeDescriptors { get; init; }

    /// <inheritdoc/>
    public override void Encode(ref AxdrWriter writer)
    {
        ApduFields.WriteServiceHeader(ref writer, Tag, WithListChoice, InvokeIdAndPriority);
        CosemAttributeDescriptorWithSelection.EncodeList(ref writer, AttributeDescriptors);
    }

    internal static new GetRequestWithList Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        var invokeId = ApduFields.ReadServiceHeader(ref reader, ApduTag.GetRequest, WithListChoice, ChoiceField);
        return new GetRequestWithList(invokeId, CosemAttributeDescriptorWithSelection.DecodeList(source, ref reader));
    }
}
