using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// Addresses one attribute of one object: class id, logical name, attribute index
/// (IEC 62056-5-3 §8, Cosem-Attribute-Descriptor: long-unsigned, octet-string(6), integer; encoded untagged).
/// </summary>
public readonly record struct CosemAttributeDescriptor(ushort ClassId, ObisCode InstanceId, sbyte AttributeId)
{
    /// <summary>
    /// Size of Cosem-Attribute-Descriptor on the wire: class-id (2), instance-id (6), attribute-id (1) bytes.
    /// </summary>
    public const int EncodedLength = 9;

    /// <summary>
    /// Reads a Cosem-Attribute-Descriptor (class-id, 6-byte logical name, attribute-id) at the reader's position.
    /// </summary>
    public static CosemAttributeDescriptor Decode(ref AxdrReader reader) => new(
        reader.ReadRawUInt16("class-id"),
        reader.ReadRawObisCode("instance-id"),
        (sbyte)reader.ReadRawByte("attribute-id"));

    /// <summary>
    /// Writes the descriptor as class-id (Unsigned16), instance-id (6-byte OCTET STRING, no length) and attribute-id
    /// (Integer8).
    /// </summary>
    public void Encode(ref AxdrWriter writer)
    {
        writer.WriteRawUInt16(ClassId);
        writer.WriteRawObisCode(InstanceId);
        writer.WriteRawByte((byte)AttributeId);
    }

    /// <summary>The descriptor as class/logical name/attribute, e.g. "3/1.0.1.8.0.255/2".</summary>
    public override string ToString() => $"{ClassId}/{InstanceId}/{AttributeId}";
}
