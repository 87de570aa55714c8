using System.Globalization;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Translation.Grammar;

/// <summary>
/// TypeDescription of a compact-array (IEC 62056-6-2 §4.1.5): a simple type tag, array {number-of-elements
/// Unsigned16, type}, or structure {SEQUENCE OF type}. Shown with the Data element names.
/// </summary>
internal static class TypeDescriptionNode
{
    public static void Decode(ref AxdrReader reader, PduElement target, DecodeContext context, int depth)
    {
        int at = reader.AbsolutePosition;
        if (depth > AxdrReader.MaxNesting)
        {
            throw context.Error($"Type description nested deeper than {AxdrReader.MaxNesting} levels.", at);
        }
        byte tag = reader.ReadRawByte(context.Path);
        var type = (DataType)tag;
        if (!DataTypeInfo.IsDefined(type) || type == DataType.CompactArray)
        {
            throw context.Error($"Data type tag {tag} (0x{tag:X2}) cannot appear in a type description.", at);
        }
        var element = target.Add(DataTypeNames.ElementName(type));
        switch (type)
        {
            case DataType.Array:
                element.Set("NumberOfElements", reader.ReadRawUInt16(context.Path).ToString(CultureInfo.InvariantCulture));
                Decode(ref reader, element, context, depth + 1);
                break;
            case DataType.Structure:
                int count = Length.DecodeBounded(ref reader, element, context);
                element.Set("Count", count.ToString(CultureInfo.InvariantCulture));
                for (int i = 0; i < count; i++)
                {
                    Decode(ref reader, element, context, depth + 1);
                }
                break;
        }
    }

    public static void Encode(ElementCursor description, PduWriter writer)
    {
        EncodeType(description.TakeAny("type description"), writer);
        description.EnsureConsumed();
    }

    private static void EncodeType(ElementCursor cursor, PduWriter writer)
    {
        if (!DataTypeNames.TryParseElementName(cursor.Element.Name, out var type) || type == DataType.CompactArray)
        {
            throw cursor.Error($"<{cursor.Element.Name}> is not a type for a compact-array description.");
        }
        writer.WriteByte((byte)type);
        switch (type)
        {
            case DataType.Array:
                writer.WriteUInt16((ushort)cursor.RequiredUnsigned("NumberOfElements", ushort.MaxValue));
                EncodeType(cursor.TakeAny("element type"), writer);
                break;
            case DataType.Structure:
                Length.Encode(writer, cursor.RemainingCount, cursor);
                while (cursor.HasMore)
                {
                    EncodeType(cursor.TakeAny("element type"), writer);
                }
                break;
        }
        cursor.EnsureConsumed();
    }
}
