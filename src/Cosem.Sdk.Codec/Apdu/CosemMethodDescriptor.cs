using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// Addresses one method of one object (IEC 62056-5-3 §8, Cosem-Method-Descriptor: long-unsigned,
/// octet-string(6), integer; encoded untagged).
/// </summary>
public readonly record struct CosemMethodDescriptor(ushort ClassId, ObisCode InstanceId, sbyte MethodId)
{
    /// <summary>
    /// Size of Cosem-Method-Descriptor on the wire: class-id (2), instance-id (6), method-id (1) bytes.
    /// </summary>
    public const int EncodedLength = 9;

    /// <summary>
    /// Reads a Cosem-Method-Descriptor (class-id, 6-byte logical name, method-id) at the reader's position.
    /// </summary>
    public static CosemMethodDescriptor Decode(ref AxdrReader reader) => new(
        reader.ReadRawUInt16("class-id"),
        reader.ReadRawObisCode("instance-id"),
        (sbyte)reader.ReadRawByte("method-id"));

    /// <summary>
    /// Writes the descriptor as class-id (Unsigned16), instance-id (6-byte OCTET STRING, no length) and method-id
    /// (Integer8).
    /// </summary>
    public void Encode(ref AxdrWriter writer)
    {
        writer.WriteRawUInt16(ClassId);
        writer.WriteRawObisCode(InstanceId);
        writer.WriteRawByte((byte)MethodId);
    }

    /// <summary>The descriptor as class/logical name/method, e.g. "70/0.0.96.3.10.255/1".</summary>
    public override string ToString() => $"{ClassId}/{InstanceId}/{MethodId}";
}
