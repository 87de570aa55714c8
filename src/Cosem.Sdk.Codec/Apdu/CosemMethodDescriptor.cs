using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// Addresses one method of one object (IEC 62056-5-3 §8, Cosem-Method-Descriptor: long-unsigned,
/// octet-string(6), integer; encoded untagged).
/// </summary>
public readonly record struct CosemMethodDescriptor(ushort ClassId, ObisCode InstanceId, sbyte MethodId)
{
    public const int EncodedLength = 9;

    public static CosemMethodDescriptor Decode(ref AxdrReader reader) => new(
        reader.ReadRawUInt16("class-id"),
        reader.ReadRawObisCode("instance-id"),
        (sbyte)reader.ReadRawByte("method-id"));

    public void Encode(ref AxdrWriter writer)
    {
        writer.WriteRawUInt16(ClassId);
        writer.WriteRawObisCode(InstanceId);
        writer.WriteRawByte((byte)MethodId);
    }

    public override string ToString() => $"{ClassId}/{InstanceId}/{MethodId}";
}
