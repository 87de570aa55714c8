namespace Cosem.Sdk.Axdr;

// Large arrays and structures (a profile buffer of thousands of rows) are checked in one pass over their bytes and
// kept as a copy of those bytes; their items are decoded on first access. Building a tree of small arrays for
// every row at decode time cost ten times more than the check, and readers often touch a few rows only.
public readonly partial struct CosemData
{
    // Containers of at least this many items are kept encoded until read; smaller ones (a row's structure) cost less
    // to decode at once than to keep encoded and decode later.
    private const int EncodedFromItemCount = 32;

    // The copy of a large container is kept in pieces of about this size, cut between items, so that it stays off the
    // large-object heap (85,000 bytes): a 360 KB profile buffer copied whole made every twentieth decode pay for a
    // full garbage collection.
    private const int SegmentSize = 64 * 1024;

    // Starts to decode a container whose tag and count have been read: its items at once when it is small, else
    // checked (from a caller's span) or skipped (inside an already checked copy) and kept encoded.
    private static CosemData DecodeContainer(ref AxdrReader reader, DataType type, int tagPosition, int count, int depth, Segment? source, int encodedFrom)
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
        int readerBase = reader.AbsolutePosition - reader.Position;
        int segmentStart = reader.Position;
        if (source is not null)
        {
            // Inside a copy that was checked whole when it was decoded: only its end is needed.
            for (int i = 0; i < count; i++)
            {
                reader.SkipData();
            }
            return new CosemData(type, 0, new EncodedItems(
                [new Segment(source.Bytes, segmentStart, reader.Position, count, readerBase)], count, depth, source.ShortestLengths));
        }
        bool shortestLengths = segmentStart - tagPosition - 1 == AxdrWriter.GetLengthSize(count);
        var segments = new List<Segment>(1 + reader.Remaining / SegmentSize);
        int segmentItems = 0;
        for (int i = 0; i < count; i++)
        {
            Check(ref reader, depth + 1, ref shortestLengths);
            segmentItems++;
            if (reader.Position - segmentStart >= SegmentSize || i == count - 1)
            {
                segments.Add(Segment.Copy(reader.Buffer[segmentStart..reader.Position], segmentItems, readerBase + segmentStart));
                segmentStart = reader.Position;
                segmentItems = 0;
            }
        }
        return new CosemData(type, 0, new EncodedItems([.. segments], count, depth, shortestLengths));
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

    // A run of whole, checked items: Bytes[Start..End] holds Count encoded items; BaseOffset is the offset of
    // Bytes[0] in the unit first decoded (for error positions). Nested containers share the Bytes of their segment.
    private sealed class Segment(byte[] bytes, int start, int end, int count, int baseOffset)
    {
        public byte[] Bytes { get; } = bytes;
        public int Start { get; } = start;
        public int End { get; } = end;
        public int Count { get; } = count;
        public int BaseOffset { get; } = baseOffset;

        // Set by the container that owns the segment: whether every length in it was sent in its shortest form.
        public bool ShortestLengths { get; set; }

        public ReadOnlySpan<byte> Encoded => Bytes.AsSpan(Start, End - Start);

        public static Segment Copy(ReadOnlySpan<byte> items, int count, int baseOffset)
        {
            var bytes = GC.AllocateUninitializedArray<byte>(items.Length);
            items.CopyTo(bytes);
            return new Segment(bytes, 0, bytes.Length, count, baseOffset);
        }
    }

    // An array or structure kept as its checked encoding, in segments; the items are decoded on first access, once,
    // by whichever thread gets there first.
    private sealed class EncodedItems
    {
        private readonly Segment[] _segments;
        private CosemData[]? _items;

        public EncodedItems(Segment[] segments, int count, int depth, bool shortestLengths)
        {
            _segments = segments;
            Count = count;
            Depth = depth;
            ShortestLengths = shortestLengths;
            foreach (var segment in segments)
            {
                segment.ShortestLengths = shortestLengths;
            }
        }

        public int Count { get; }

        /// <summary>True when every length inside (and the count) was sent in its shortest form, so re-encoding is
        /// these bytes.</summary>
        public bool ShortestLengths { get; }

        /// <summary>Nesting depth of the container from the value Decode was called on (it bounds what is inside).</summary>
        public int Depth { get; }

        public CosemData[] Items => Volatile.Read(ref _items) ?? DecodeItems();

        /// <summary>Tag, count and items, valid only when <see cref="ShortestLengths"/>.</summary>
        public void WriteTo(ref AxdrWriter writer, DataType type)
        {
            writer.WriteDataType(type);
            writer.WriteLength(Count);
            foreach (var segment in _segments)
            {
                writer.WriteRawBytes(segment.Encoded);
            }
        }

        /// <summary>Whether both hold the same item bytes; false also when they were cut into segments differently.</summary>
        public bool SameBytes(EncodedItems other)
        {
            if (Count != other.Count || _segments.Length != other._segments.Length)
            {
                return false;
            }
            for (int i = 0; i < _segments.Length; i++)
            {
                if (!_segments[i].Encoded.SequenceEqual(other._segments[i].Encoded))
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>Whether the two were cut into segments alike, so that <see cref="SameBytes"/> decides equality.</summary>
        public bool SegmentedAlike(EncodedItems other)
        {
            if (_segments.Length != other._segments.Length)
            {
                return false;
            }
            for (int i = 0; i < _segments.Length; i++)
            {
                if (_segments[i].Count != other._segments[i].Count || _segments[i].Encoded.Length != other._segments[i].Encoded.Length)
                {
                    return false;
                }
            }
            return true;
        }

        private CosemData[] DecodeItems()
        {
            var items = new CosemData[Count];
            int next = 0;
            foreach (var segment in _segments)
            {
                // Over Bytes from its start so that reader positions are indexes into Bytes, as nested containers expect.
                var reader = new AxdrReader(segment.Bytes.AsSpan(0, segment.End), segment.BaseOffset);
                reader.ReadRawBytes(segment.Start);
                for (int i = 0; i < segment.Count; i++)
                {
                    items[next++] = Decode(ref reader, Depth + 1, segment, EncodedFromItemCount);
                }
            }
            return Interlocked.CompareExchange(ref _items, items, null) ?? items;
        }
    }
}
