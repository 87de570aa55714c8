using System.Runtime.InteropServices;

namespace Cosem.Sdk.Axdr;

// Large arrays and structures (a profile buffer of thousands of rows) are checked in one pass over their bytes and
// kept as one copy of those bytes; their items are decoded on first access. Building a tree of small arrays for
// every row at decode time cost ten times more than the check, and readers often touch a few rows only.
public readonly partial struct CosemData
{
    // Containers of at least this many items are kept encoded until read; smaller ones (a row's structure) cost less
    // to decode at once than to keep encoded and decode later.
    private const int EncodedFromItemCount = 32;

    // Starts to decode a container whose tag (at tagPosition) and count have been read: its items at once when it is
    // small, else checked (from a caller's span) or skipped (from an already checked copy) and kept encoded.
    private static CosemData DecodeContainer(ref AxdrReader reader, DataType type, int tagPosition, int count, int depth, EncodedItems? source, int encodedFrom)
    {
        if (count < encodedFrom)
        {
            var items = count == 0 ? [] : new CosemData[count];
            for (int i = 0; i < items.Length; i++)
            {
                items[i] = Decode(ref reader, depth + 1, source, encodedFrom);
            }
            return new CosemData(type, 0, items);
        }
        int itemsPosition = reader.Position;
        int readerBase = reader.AbsolutePosition - itemsPosition;
        if (source is not null)
        {
            // Inside a copy that was checked whole when it was decoded: only its end is needed.
            for (int i = 0; i < count; i++)
            {
                reader.SkipData();
            }
            return new CosemData(type, 0, new EncodedItems(source.Bytes, tagPosition, itemsPosition, reader.Position, count, depth,
                source.ShortestLengths, readerBase));
        }
        bool shortestLengths = itemsPosition - tagPosition - 1 == AxdrWriter.GetLengthSize(count);
        for (int i = 0; i < count; i++)
        {
            Check(ref reader, depth + 1, ref shortestLengths);
        }
        var encoded = reader.Buffer[tagPosition..reader.Position];
        var bytes = GC.AllocateUninitializedArray<byte>(encoded.Length);
        encoded.CopyTo(bytes);
        return new CosemData(type, 0, new EncodedItems(bytes, 0, itemsPosition - tagPosition, bytes.Length, count, depth, shortestLengths,
            readerBase + tagPosition));
    }

    // Reads one Data value exactly as Decode does, with the same checks in the same order (so bad input fails at
    // decode time with the same error), building nothing; notes whether every length was sent in its shortest form.
    private static void Check(ref AxdrReader reader, int depth, ref bool shortestLengths)
    {
        int at = reader.AbsolutePosition;
        var type = reader.ReadDataType();
        if (depth > AxdrReader.MaxNesting)
        {
            throw new CosemEncodingException($"Data nested deeper than {AxdrReader.MaxNesting} levels.", at, "data");
        }
        int lengthPosition = reader.Position;
        switch (type)
        {
            case DataType.Array:
            case DataType.Structure:
                int count = reader.ReadBoundedLength(AxdrReader.LengthFieldName(type));
                shortestLengths &= reader.Position - lengthPosition == AxdrWriter.GetLengthSize(count);
                for (int i = 0; i < count; i++)
                {
                    Check(ref reader, depth + 1, ref shortestLengths);
                }
                return;
            case DataType.CompactArray:
                DecodeCompactArrayBody(ref reader);
                return;
            case DataType.NullData:
            case DataType.DontCare:
                return;
            case DataType.OctetString:
            case DataType.VisibleString:
            case DataType.Utf8String:
                int length = reader.ReadLength(AxdrReader.LengthFieldName(type));
                shortestLengths &= reader.Position - lengthPosition == AxdrWriter.GetLengthSize(length);
                reader.ReadRawBytes(length, DataTypeInfo.Name(type));
                return;
            case DataType.BitString:
                int bitCount = reader.ReadLength("bit-string length");
                shortestLengths &= reader.Position - lengthPosition == AxdrWriter.GetLengthSize(bitCount);
                reader.ReadRawBytes(Axdr.BitString.ByteCount(bitCount), DataTypeInfo.Name(type));
                return;
            case DataType.DateTime:
            case DataType.Date:
            case DataType.Time:
                reader.ReadRawBytes(DataTypeInfo.FixedSize(type), DataTypeInfo.Name(type));
                return;
            default:
                int size = type == DataType.Bcd ? 1 : DataTypeInfo.FixedSize(type);
                if (size <= 0)
                {
                    throw new CosemEncodingException($"Cannot decode data type {DataTypeInfo.Name(type)}.", reader.AbsolutePosition, "data");
                }
                reader.ReadRawBytes(size, DataTypeInfo.Name(type));
                return;
        }
    }

    // The items of an array or structure, decoded now if they were kept encoded; null for other values.
    private CosemData[]? ItemArray => _reference switch
    {
        CosemData[] items => items,
        EncodedItems encoded => encoded.Items,
        _ => null,
    };

    // An array or structure kept as its checked encoding (tag to last item) inside Bytes, which the containers nested
    // in it share; positions are indexes into Bytes, baseOffset the offset of Bytes[0] in the unit first decoded (for
    // error positions). The items are decoded on first access, once, by whichever thread gets there first.
    private sealed class EncodedItems(byte[] bytes, int tagPosition, int itemsPosition, int end, int count, int depth, bool shortestLengths, int baseOffset)
    {
        private CosemData[]? _items;

        public byte[] Bytes { get; } = bytes;

        public int Count { get; } = count;

        /// <summary>True when every length inside was sent in its shortest form, so re-encoding is these bytes.</summary>
        public bool ShortestLengths { get; } = shortestLengths;

        /// <summary>Nesting depth of the container from the value Decode was called on (it bounds what is inside).</summary>
        public int Depth { get; } = depth;

        public ReadOnlySpan<byte> Encoded => Bytes.AsSpan(tagPosition, end - tagPosition);

        public CosemData[] Items => Volatile.Read(ref _items) ?? DecodeItems();

        private CosemData[] DecodeItems()
        {
            // Over Bytes from its start so that reader positions are indexes into Bytes, as nested containers expect.
            var reader = new AxdrReader(Bytes.AsSpan(0, end), baseOffset);
            reader.ReadRawBytes(itemsPosition);
            var items = new CosemData[Count];
            for (int i = 0; i < items.Length; i++)
            {
                items[i] = Decode(ref reader, Depth + 1, this, EncodedFromItemCount);
            }
            return Interlocked.CompareExchange(ref _items, items, null) ?? items;
        }
    }
}
