using System.Buffers;
using System.Buffers.Binary;

namespace Cosem.Sdk.Axdr;

// Decoding and encoding of the Data CHOICE (IEC 62056-6-2 §4.1.5, A-XDR per IEC 61334-6).
public readonly partial struct CosemData
{
    /// <summary>Decodes one complete Data value (tag included) from <paramref name="reader"/>.</summary>
    public static CosemData Decode(ref AxdrReader reader) => Decode(ref reader, 0);

    /// <summary>Decodes <paramref name="encoded"/>, which must hold exactly one Data value.</summary>
    public static CosemData Decode(ReadOnlySpan<byte> encoded)
    {
        var reader = new AxdrReader(encoded);
        var value = Decode(ref reader, 0);
        reader.EnsureAtEnd();
        return value;
    }

    /// <summary>Writes this value, tag included.</summary>
    public void Encode(ref AxdrWriter writer) => Encode(ref writer, 0);

    /// <summary>The encoded bytes of this value.</summary>
    public byte[] ToArray()
    {
        var output = new ArrayBufferWriter<byte>();
        var writer = new AxdrWriter(output);
        Encode(ref writer);
        writer.Flush();
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Decodes as before compact containers: every array and structure built as a tree of item arrays at
    /// once. Kept for the benchmarks' in-run "before" figure.</summary>
    internal static CosemData DecodeTree(ref AxdrReader reader) => Decode(ref reader, 0, null, int.MaxValue);

    private static CosemData Decode(ref AxdrReader reader, int depth) => Decode(ref reader, depth, null, EncodedFromItemCount);

    // source: the checked copy being read when items of a container kept encoded are decoded (null when reading a
    // caller's bytes); encodedFrom: the item count from which containers are kept encoded.
    private static CosemData Decode(ref AxdrReader reader, int depth, Segment? source, int encodedFrom)
    {
        int tagPosition = reader.Position;
        int at = reader.AbsolutePosition;
        var type = reader.ReadDataType();
        if (depth > AxdrReader.MaxNesting)
        {
            throw new CosemEncodingException($"Data nested deeper than {AxdrReader.MaxNesting} levels.", at, "data");
        }
        switch (type)
        {
            case DataType.Array:
            case DataType.Structure:
                // Every item takes at least its tag byte, so the count is checked against what is left before allocating.
                int count = reader.ReadBoundedLength(AxdrReader.LengthFieldName(type));
                return DecodeContainer(ref reader, type, tagPosition, count, depth, source, encodedFrom);
            case DataType.CompactArray:
                return DecodeCompactArrayBody(ref reader);
            default:
                return DecodeSimple(ref reader, type);
        }
    }

    // The value after its tag, for every type that is not an array, structure or compact-array. Compact-array
    // contents use exactly this form for their simple elements (IEC 62056-6-2 §4.1.5: values without tags).
    private static CosemData DecodeSimple(ref AxdrReader reader, DataType type)
    {
        string name = DataTypeInfo.Name(type); // a constant per type: no allocation
        switch (type)
        {
            case DataType.NullData:
            case DataType.DontCare:
                return new CosemData(type, 0, null);
            case DataType.OctetString:
            case DataType.VisibleString:
            case DataType.Utf8String:
                int length = reader.ReadLength(AxdrReader.LengthFieldName(type));
                return new CosemData(type, 0, reader.ReadRawBytes(length, name).ToArray());
            case DataType.BitString:
                int bitCount = reader.ReadLength("bit-string length");
                return new CosemData(type, (ulong)bitCount, reader.ReadRawBytes(Axdr.BitString.ByteCount(bitCount), name).ToArray());
            case DataType.DateTime:
            case DataType.Date:
            case DataType.Time:
                return new CosemData(type, 0, reader.ReadRawBytes(DataTypeInfo.FixedSize(type), name).ToArray());
            default:
                int size = type == DataType.Bcd ? 1 : DataTypeInfo.FixedSize(type);
                if (size <= 0)
                {
                    throw new CosemEncodingException($"Cannot decode data type {name}.", reader.AbsolutePosition, "data");
                }
                return new CosemData(type, Widen(type, ReadBigEndian(reader.ReadRawBytes(size, name))), null);
        }
    }

    private void Encode(ref AxdrWriter writer, int depth)
    {
        if (depth > AxdrReader.MaxNesting)
        {
            throw new CosemEncodingException($"Data nested deeper than {AxdrReader.MaxNesting} levels.", writer.BytesWritten, "data");
        }
        if (_reference is EncodedItems { ShortestLengths: true } encoded && depth <= encoded.Depth)
        {
            // Checked at decode to nest no deeper than MaxNesting from encoded.Depth, and re-encoding gives the same bytes.
            encoded.WriteTo(ref writer, _type);
            return;
        }
        writer.WriteDataType(_type);
        switch (_reference is EncodedItems ? ItemArray : _reference)
        {
            case CosemData[] items:
                writer.WriteLength(items.Length);
                foreach (var item in items)
                {
                    item.Encode(ref writer, depth + 1);
                }
                break;
            case CompactArrayValue compact:
                writer.WriteRawBytes(compact.EncodedHeader);
                writer.WriteRawBytes(compact.Contents);
                break;
            default:
                EncodeSimpleBody(ref writer);
                break;
        }
    }

    private void EncodeSimpleBody(ref AxdrWriter writer)
    {
        switch (_type)
        {
            case DataType.NullData:
            case DataType.DontCare:
                return;
            case DataType.OctetString:
            case DataType.VisibleString:
            case DataType.Utf8String:
                var bytes = (byte[])_reference!;
                writer.WriteLength(bytes.Length);
                writer.WriteRawBytes(bytes);
                return;
            case DataType.BitString:
                writer.WriteLength((int)_bits);
                writer.WriteRawBytes((byte[])_reference!);
                return;
            case DataType.DateTime:
            case DataType.Date:
            case DataType.Time:
                writer.WriteRawBytes((byte[])_reference!);
                return;
            default:
                int size = _type == DataType.Bcd ? 1 : DataTypeInfo.FixedSize(_type);
                Span<byte> field = stackalloc byte[8];
                BinaryPrimitives.WriteUInt64BigEndian(field, _bits);
                writer.WriteRawBytes(field[(8 - size)..]);
                return;
        }
    }
}
