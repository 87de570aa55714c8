using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;

namespace Cosem.Sdk.Objects;

/// <summary>
/// One column of a profile: an attribute of an object, and optionally one element of it (Blue Book §4.3.6,
/// capture_object_definition: class_id long-unsigned, logical_name octet-string, attribute_index integer,
/// data_index long-unsigned; 0 = the whole attribute).
/// </summary>
public readonly record struct CaptureObjectReference(ushort ClassId, ObisCode LogicalName, sbyte AttributeIndex, ushort DataIndex = 0)
{
    /// <summary>The time attribute of the clock 0.0.1.0.0.255: the usual restricting object of a range read.</summary>
    public static CaptureObjectReference Clock => new(8, new ObisCode(0, 0, 1, 0, 0, 255), 2);

    /// <summary>Reads a capture_object_definition structure; throws <see cref="CosemEncodingException"/> when it is not
    /// one.</summary>
    public static CaptureObjectReference Decode(ref AxdrReader reader)
    {
        reader.ReadStructureHeader(4, "capture_object_definition");
        return new CaptureObjectReference(reader.ReadUInt16(), reader.ReadObisCode(), reader.ReadInt8(), reader.ReadUInt16());
    }

    /// <summary>Writes the capture_object_definition structure of four elements.</summary>
    public void Encode(ref AxdrWriter writer)
    {
        writer.WriteStructureHeader(4);
        writer.WriteUInt16(ClassId);
        writer.WriteObisCode(LogicalName);
        writer.WriteInt8(AttributeIndex);
        writer.WriteUInt16(DataIndex);
    }
}
