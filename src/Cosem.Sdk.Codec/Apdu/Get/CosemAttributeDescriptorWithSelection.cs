using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// An attribute reference with optional selective access, as listed by the -with-list GET and SET requests
/// (IEC 62056-5-3 §9.5, Cosem-Attribute-Descriptor-With-Selection).
/// </summary>
public readonly record struct CosemAttributeDescriptorWithSelection(
    CosemAttributeDescriptor Descriptor,
    SelectiveAccessDescriptor? AccessSelection = null)
{
    internal static CosemAttributeDescriptorWithSelection Decode(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        var descriptor = CosemAttributeDescriptor.Decode(ref reader);
        return new(descriptor, ApduFields.ReadOptionalSelection(source, ref reader));
    }

    internal void Encode(ref AxdrWriter writer)
    {
        Descriptor.Encode(ref writer);
        ApduFields.WriteOptionalSelection(ref writer, AccessSelection);
    }

    // Each element is at least a descriptor and the presence flag.
    internal const int MinimumEncodedLength = CosemAttributeDescriptor.EncodedLength + 1;

    internal static CosemAttributeDescriptorWithSelection[] DecodeList(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        int count = ApduFields.ReadCount(ref reader, "attribute-descriptor-list", MinimumEncodedLength);
        var list = new CosemAttributeDescriptorWithSelection[count];
        for (int i = 0; i < count; i++)
        {
            list[i] = Decode(source, ref reader);
        }
        return list;
    }

    internal static void EncodeList(ref AxdrWriter writer, IReadOnlyList<CosemAttributeDescriptorWithSelection> list)
    {
        writer.WriteLength(list.Count);
        for (int i = 0; i < list.Count; i++)
        {
            list[i].Encode(ref writer);
        }
    }
}
