using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// Addresses one attribute of one object: class id, logical name, attribute index
/// (IEC 62056-5-3 §8, Cosem-Attribute-Descriptor: long-unsigned, octet-string(6), integer; encoded untagged).
/// </summary>
public readonly record struct CosemAttributeDescriptor(ushort ClassId, ObisCode InstanceId, sbyte AttributeId)
{
    public const int EncodedLength = 9;

    public static CosemAttributeDescriptor Decode(ref AxdrReader reader) => new(
        reader.ReadRawUInt16("class-id"),
        reader.ReadRawObisCode("instance-id"),
        (sbyte)reader.ReadRawByte("attribute-id"));

    public void Encode(ref AxdrWriter writer)
    {
        writer.WriteRawUInt16(ClassId);
        writer.WriteRawObisCode(InstanceId);
        writer.WriteRawByte((byte)AttributeId);
    }

    public override string ToString() => $"{ClassId}/{InstanceId}/{AttributeId}";
}
