using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;

namespace Cosem.Sdk.Translation.Grammar;

/// <summary>
/// The COSEM Data CHOICE (IEC 62056-6-2 §4.1.5), recursively: one child element per value, named after its
/// type (DoubleLongUnsigned, Structure, …) with the value in attributes. Readable extras (OBIS for a logical
/// name, date-time text) sit beside the exact value and are ignored when encoding.
/// </summary>
internal sealed class DataNode : GrammarNode
{
    public static DataNode Instance { get; } = new();

    public override void Decode(ref AxdrReader reader, PduElement target, DecodeContext context) =>
        DecodeValue(ref reader, target, context, logicalNamePosition: false);

    private static void DecodeValue(ref AxdrReader reader, PduElement target, DecodeContext context, bool logicalNamePosition)
    {
        int at = reader.AbsolutePosition;
        byte tag = reader.ReadRawByte(context.Path + " (data type)");
        var type = (DataType)tag;
        if (!DataTypeInfo.IsDefined(type))
        {
            throw context.Error($"Unknown data type tag {tag} (0x{tag:X2}).", at);
        }
        string name = DataTypeNames.ElementName(type);
        context.Enter(name, at);
        var element = target.Add(name);
        DecodeBody(ref reader, type, element, context, logicalNamePosition);
        context.Leave();
    }

    /// <summary>The value of <paramref name="type"/> after its tag (also the form of compact-array contents).</summary>
    internal static void DecodeBody(ref AxdrReader reader, DataType type, PduElement element, DecodeContext context, bool logicalNamePosition)
    {
        string field = context.Path;
        switch (type)
        {
            case DataType.NullData or DataType.DontCare:
                return;
            case DataType.Array or DataType.Structure:
                int count = Length.DecodeBounded(ref reader, element, context);
                element.Set("Count", count.ToString(CultureInfo.InvariantCulture));
                bool previousWasClassId = false;
                for (int i = 0; i < count; i++)
                {
                    // A logical name inside a structure follows its class id (capture objects, object lists, script actions).
                    byte next = reader.PeekRawByte(field);
                    DecodeValue(ref reader, element, context, type == DataType.Structure && previousWasClassId);
                    previousWasClassId = next == (byte)DataType.LongUnsigned;
                }
                return;
            case DataType.Boolean:
                element.Set("Value", BooleanNode.Format(reader.ReadRawByte(field)));
                return;
            case DataType.Integer or DataType.DeltaInteger:
                SetNumber(element, (sbyte)reader.ReadRawByte(field));
                return;
            case DataType.Unsigned or DataType.DeltaUnsigned or DataType.Enum:
                SetNumber(element, reader.ReadRawByte(field));
                return;
            case DataType.Long or DataType.DeltaLong:
                SetNumber(element, (short)reader.ReadRawUInt16(field));
                return;
            case DataType.LongUnsigned or DataType.DeltaLongUnsigned:
                SetNumber(element, reader.ReadRawUInt16(field));
                return;
            case DataType.DoubleLong or DataType.DeltaDoubleLong:
                SetNumber(element, (int)reader.ReadRawUInt32(field));
                return;
            case DataType.DoubleLongUnsigned or DataType.DeltaDoubleLongUnsigned:
                SetNumber(element, reader.ReadRawUInt32(field));
                return;
            case DataType.Long64:
                element.Set("Value", ((long)reader.ReadRawUInt64(field)).ToString(CultureInfo.InvariantCulture));
                return;
            case DataType.Long64Unsigned:
                element.Set("Value", reader.ReadRawUInt64(field).ToString(CultureInfo.InvariantCulture));
                return;
            case DataType.Bcd:
                element.Set("Value", reader.ReadRawByte(field).ToString("X2", CultureInfo.InvariantCulture));
                return;
            case DataType.Float32:
                uint bits32 = reader.ReadRawUInt32(field);
                float single = BitConverter.UInt32BitsToSingle(bits32);
                element.Set("Value", single.ToString("R", CultureInfo.InvariantCulture));
                if (!float.TryParse(element["Value"], NumberStyles.Float, CultureInfo.InvariantCulture, out float back) || BitConverter.SingleToUInt32Bits(back) != bits32)
                {
                    element.Set("Bits", bits32.ToString("X8", CultureInfo.InvariantCulture));
                }
                return;
            case DataType.Float64:
                ulong bits64 = reader.ReadRawUInt64(field);
                double dbl = BitConverter.UInt64BitsToDouble(bits64);
                element.Set("Value", dbl.ToString("R", CultureInfo.InvariantCulture));
                if (!double.TryParse(element["Value"], NumberStyles.Float, CultureInfo.InvariantCulture, out double backDouble) || BitConverter.DoubleToUInt64Bits(backDouble) != bits64)
                {
                    element.Set("Bits", bits64.ToString("X16", CultureInfo.InvariantCulture));
                }
                return;
            case DataType.OctetString:
                var octets = reader.ReadRawBytes(Length.Decode(ref reader, element, context), field);
                element.Set("Value", HexText.Format(octets));
                if (octets.Length == ObisCode.Length && logicalNamePosition)
                {
                    element.Set("Obis", new ObisCode(octets).ToString());
                }
                else if (CosemDateTimeText.IsPlausibleDateTime(octets))
                {
                    element.Set("DateTime", CosemDateTimeText.FormatDateTime(octets)!);
                }
                return;
            case DataType.VisibleString:
                SetText(element, reader.ReadRawBytes(Length.Decode(ref reader, element, context), field), utf8: false);
                return;
            case DataType.Utf8String:
                SetText(element, reader.ReadRawBytes(Length.Decode(ref reader, element, context), field), utf8: true);
                return;
            case DataType.BitString:
                int bitCount = Length.Decode(ref reader, element, context);
                var packed = reader.ReadRawBytes((int)(((uint)bitCount + 7) / 8), field);
                element.Set("Value", BitsText(packed, bitCount));
                if (packed.Length > 0 && (packed[^1] & (0xFF >> (bitCount - (8 * (packed.Length - 1))))) != 0)
                {
                    element.Set("Bytes", HexText.Format(packed)); // non-zero padding bits, kept for an exact round trip
                }
                return;
            case DataType.DateTime:
                SetFixed(element, reader.ReadRawBytes(12, field), CosemDateTimeText.FormatDateTime);
                return;
            case DataType.Date:
                SetFixed(element, reader.ReadRawBytes(5, field), CosemDateTimeText.FormatDate);
                return;
            case DataType.Time:
                SetFixed(element, reader.ReadRawBytes(4, field), CosemDateTimeText.FormatTime);
                return;
            case DataType.CompactArray:
                context.Enter("ContentsDescription", reader.AbsolutePosition);
                TypeDescriptionNode.Decode(ref reader, element.Add("ContentsDescription"), context, 0);
                context.Leave();
                context.Enter("ArrayContents", reader.AbsolutePosition);
                var contents = element.Add("ArrayContents");
                int contentsLength = Length.Decode(ref reader, contents, context);
                int contentsOffset = reader.AbsolutePosition;
                CompactArrayContents.Decode(reader.ReadRawBytes(contentsLength, context.Path), contentsOffset, element.Children[0], contents, context);
                context.Leave();
                return;
            default:
                throw context.Error($"Unsupported data type {DataTypeInfo.Name(type)}.", reader.AbsolutePosition);
        }
    }

    private static void SetNumber(PduElement element, long value) => element.Set("Value", value.ToString(CultureInfo.InvariantCulture));

    private static void SetFixed(PduElement element, ReadOnlySpan<byte> bytes, FixedFormatter format)
    {
        element.Set("Value", HexText.Format(bytes));
        if (format(bytes) is { } text)
        {
            element.Set("Text", text);
        }
    }

    private delegate string? FixedFormatter(ReadOnlySpan<byte> bytes);

    /// <summary>Text when every character survives XML and JSON unchanged, else the bytes in hex.</summary>
    private static void SetText(PduElement element, ReadOnlySpan<byte> bytes, bool utf8)
    {
        string? text = null;
        if (utf8)
        {
            try
            {
                text = new UTF8Encoding(false, true).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                text = null;
            }
        }
        else if (!bytes.ContainsAnyExceptInRange((byte)0x20, (byte)0x7E))
        {
            text = Encoding.ASCII.GetString(bytes);
        }
        if (text is not null && text.All(c => c >= 0x20 && c != 0x7F && !char.IsSurrogate(c) && c != '\uFFFE' && c != '\uFFFF'))
        {
            element.Set("Value", text);
        }
        else
        {
            element.Set("Hex", HexText.Format(bytes));
        }
    }

    private static string BitsText(ReadOnlySpan<byte> packed, int bitCount)
    {
        var text = new StringBuilder(bitCount);
        for (int i = 0; i < bitCount; i++)
        {
            text.Append((packed[i / 8] & (0x80 >> (i % 8))) != 0 ? '1' : '0');
        }
        return text.ToString();
    }

    // ---- Encoding -------------------------------------------------------------------------------------------

    public override void Encode(ElementCursor cursor, PduWriter writer) => EncodeValue(cursor.TakeAny("Data value"), writer);

    private static void EncodeValue(ElementCursor value, PduWriter writer)
    {
        if (!DataTypeNames.TryParseElementName(value.Element.Name, out var type))
        {
            throw value.Error($"<{value.Element.Name}> is not a COSEM data type.");
        }
        writer.WriteByte((byte)type);
        EncodeBody(value, type, writer);
        value.EnsureConsumed();
    }

    /// <summary>The value of <paramref name="type"/> without its tag (also the form of compact-array contents).</summary>
    internal static void EncodeBody(ElementCursor value, DataType type, PduWriter writer)
    {
        switch (type)
        {
            case DataType.NullData or DataType.DontCare:
                break;
            case DataType.Array or DataType.Structure:
                Length.Encode(writer, value.RemainingCount, value);
                while (value.HasMore)
                {
                    EncodeValue(value.TakeAny("element"), writer);
                }
                break;
            case DataType.Boolean:
                writer.WriteByte(BooleanNode.Parse(value));
                break;
            case DataType.Integer or DataType.DeltaInteger:
                writer.WriteByte((byte)(sbyte)value.RequiredSigned("Value", sbyte.MinValue, sbyte.MaxValue));
                break;
            case DataType.Unsigned or DataType.DeltaUnsigned or DataType.Enum:
                writer.WriteByte((byte)value.RequiredUnsigned("Value", byte.MaxValue));
                break;
            case DataType.Long or DataType.DeltaLong:
                writer.WriteUInt16((ushort)(short)value.RequiredSigned("Value", short.MinValue, short.MaxValue));
                break;
            case DataType.LongUnsigned or DataType.DeltaLongUnsigned:
                writer.WriteUInt16((ushort)value.RequiredUnsigned("Value", ushort.MaxValue));
                break;
            case DataType.DoubleLong or DataType.DeltaDoubleLong:
                writer.WriteUInt32((uint)(int)value.RequiredSigned("Value", int.MinValue, int.MaxValue));
                break;
            case DataType.DoubleLongUnsigned or DataType.DeltaDoubleLongUnsigned:
                writer.WriteUInt32((uint)value.RequiredUnsigned("Value", uint.MaxValue));
                break;
            case DataType.Long64:
                writer.WriteUInt64((ulong)value.RequiredSigned("Value", long.MinValue, long.MaxValue));
                break;
            case DataType.Long64Unsigned:
                writer.WriteUInt64(value.RequiredUnsigned("Value", ulong.MaxValue));
                break;
            case DataType.Bcd:
                writer.WriteByte(ExactBytes(value, "Value", 1)[0]);
                break;
            case DataType.Float32:
                writer.WriteUInt32(value.Attribute("Bits") is not null
                    ? BinaryPrimitives.ReadUInt32BigEndian(ExactBytes(value, "Bits", 4))
                    : BitConverter.SingleToUInt32Bits(float.TryParse(value.Required("Value"), NumberStyles.Float, CultureInfo.InvariantCulture, out float f)
                        ? f : throw value.Error($"Value=\"{value.Required("Value")}\" is not a number.")));
                break;
            case DataType.Float64:
                writer.WriteUInt64(value.Attribute("Bits") is not null
                    ? BinaryPrimitives.ReadUInt64BigEndian(ExactBytes(value, "Bits", 8))
                    : BitConverter.DoubleToUInt64Bits(double.TryParse(value.Required("Value"), NumberStyles.Float, CultureInfo.InvariantCulture, out double d)
                        ? d : throw value.Error($"Value=\"{value.Required("Value")}\" is not a number.")));
                break;
            case DataType.OctetString:
                byte[] octets = value.Attribute("Value") is { } hex
                    ? value.ParseHex("Value", hex)
                    : value.Attribute("Obis") is { } obis ? ObisNode.Parse(value, obis).ToArray() : throw value.Error("Missing attribute Value.");
                WriteCounted(writer, value, octets);
                break;
            case DataType.VisibleString:
                WriteCounted(writer, value, value.Attribute("Hex") is { } vhex ? value.ParseHex("Hex", vhex) : Encoding.Latin1.GetBytes(value.Required("Value")));
                break;
            case DataType.Utf8String:
                WriteCounted(writer, value, value.Attribute("Hex") is { } uhex ? value.ParseHex("Hex", uhex) : Encoding.UTF8.GetBytes(value.Required("Value")));
                break;
            case DataType.BitString:
                EncodeBitString(value, writer);
                break;
            case DataType.DateTime:
                writer.WriteBytes(ExactBytes(value, "Value", 12));
                break;
            case DataType.Date:
                writer.WriteBytes(ExactBytes(value, "Value", 5));
                break;
            case DataType.Time:
                writer.WriteBytes(ExactBytes(value, "Value", 4));
                break;
            case DataType.CompactArray:
                var description = value.Take("ContentsDescription");
                TypeDescriptionNode.Encode(description, writer);
                var contents = value.Take("ArrayContents");
                WriteCounted(writer, contents, CompactArrayContents.Encode(description.Element, contents));
                break;
        }
    }

    private static void WriteCounted(PduWriter writer, ElementCursor cursor, byte[] bytes)
    {
        Length.Encode(writer, bytes.Length, cursor);
        writer.WriteBytes(bytes);
    }

    private static byte[] ExactBytes(ElementCursor cursor, string attribute, int size)
    {
        byte[] bytes = cursor.RequiredHex(attribute);
        return bytes.Length == size ? bytes : throw cursor.Error($"Attribute {attribute} must be {size} byte(s) in hex, found {bytes.Length}.");
    }

    private static void EncodeBitString(ElementCursor value, PduWriter writer)
    {
        string bits = value.Required("Value").Trim();
        if (bits.Any(c => c is not ('0' or '1')))
        {
            throw value.Error($"Value=\"{bits}\" is not a string of 0 and 1.");
        }
        byte[] packed = new byte[(bits.Length + 7) / 8];
        for (int i = 0; i < bits.Length; i++)
        {
            if (bits[i] == '1')
            {
                packed[i / 8] |= (byte)(0x80 >> (i % 8));
            }
        }
        if (value.Attribute("Bytes") is { } raw)
        {
            byte[] exact = value.ParseHex("Bytes", raw);
            packed = exact.Length == packed.Length ? exact : throw value.Error($"Bytes must be {packed.Length} byte(s) for {bits.Length} bit(s).");
        }
        Length.Encode(writer, bits.Length, value);
        writer.WriteBytes(packed);
    }
}
