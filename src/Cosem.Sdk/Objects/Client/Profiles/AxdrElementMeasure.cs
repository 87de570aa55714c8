using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Objects;

/// <summary>
/// The length of one complete A-XDR Data value at the start of a span, or "not all here yet": what splitting a
/// buffer that arrives in blocks into whole rows needs, without decoding anything and without exceptions at the
/// (usual) block boundary in the middle of a row.
/// </summary>
internal static class AxdrElementMeasure
{
    /// <summary>Sets <paramref name="length"/> to the encoded length of the value at the start of <paramref name="data"/>
    /// and returns true; false when <paramref name="data"/> ends before the value does.</summary>
    /// <exception cref="CosemEncodingException">The bytes are not a Data value (unknown tag, nesting too deep).</exception>
    public static bool TryMeasure(ReadOnlySpan<byte> data, int offset, out int length)
    {
        int position = 0;
        bool complete = TrySkip(data, ref position, offset, 0);
        length = complete ? position : 0;
        return complete;
    }

    /// <summary>An A-XDR length (IEC 62056-6-2: one byte below 0x80, else 0x8n and n big-endian bytes); false when cut off.</summary>
    public static bool TryReadLength(ReadOnlySpan<byte> data, ref int position, int offset, out int value)
    {
        value = 0;
        if (position >= data.Length)
        {
            return false;
        }
        byte first = data[position];
        if (first < 0x80)
        {
            position++;
            value = first;
            return true;
        }
        int count = first & 0x7F;
        if (count is 0 or > 4)
        {
            throw new CosemEncodingException($"Length form 0x{first:X2} is not supported.", offset + position, "length");
        }
        if (position + 1 + count > data.Length)
        {
            return false;
        }
        long result = 0;
        for (int i = 1; i <= count; i++)
        {
            result = (result << 8) | data[position + i];
        }
        if (result > int.MaxValue)
        {
            throw new CosemEncodingException($"Length {result} is too large.", offset + position, "length");
        }
        position += 1 + count;
        value = (int)result;
        return true;
    }

    private static bool TrySkip(ReadOnlySpan<byte> data, ref int position, int offset, int depth)
    {
        if (depth > AxdrReader.MaxNesting)
        {
            throw new CosemEncodingException($"Data nested deeper than {AxdrReader.MaxNesting} levels.", offset + position, "data");
        }
        if (position >= data.Length)
        {
            return false;
        }
        int at = position;
        var type = (DataType)data[position++];
        int fixedSize = DataTypeInfo.FixedSize(type);
        if (fixedSize >= 0)
        {
            return Advance(data, ref position, fixedSize);
        }
        switch (type)
        {
            case DataType.Array:
            case DataType.Structure:
                if (!TryReadLength(data, ref position, offset, out int count))
                {
                    return false;
                }
                for (int i = 0; i < count; i++)
                {
                    if (!TrySkip(data, ref position, offset, depth + 1))
                    {
                        return false;
                    }
                }
                return true;
            case DataType.OctetString:
            case DataType.VisibleString:
            case DataType.Utf8String:
                return TryReadLength(data, ref position, offset, out int size) && Advance(data, ref position, size);
            case DataType.Bcd:
                return Advance(data, ref position, 1);
            case DataType.BitString:
                return TryReadLength(data, ref position, offset, out int bits) && Advance(data, ref position, (int)(((uint)bits + 7) / 8));
            case DataType.CompactArray:
                // Rare in a profile row: let the reader measure it; a cut-off one reads as "not all here yet", and a
                // malformed one then fails when the buffer ends.
                try
                {
                    var reader = new AxdrReader(data[at..]);
                    reader.SkipData();
                    position = at + reader.Position;
                    return true;
                }
                catch (CosemEncodingException)
                {
                    return false;
                }
            default:
                throw new CosemEncodingException($"Unknown data type tag {(byte)type}.", offset + at, "data type");
        }
    }

    private static bool Advance(ReadOnlySpan<byte> data, ref int position, int count)
    {
        if ((uint)count > (uint)(data.Length - position))
        {
            return false;
        }
        position += count;
        return true;
    }
}
