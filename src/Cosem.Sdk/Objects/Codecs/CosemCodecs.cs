using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Objects;

/// <summary>
/// The A-XDR pieces generated classes share, so each generated member stays one line: arrays of any element,
/// and strings with the fixed sizes the Blue Book gives some attributes.
/// </summary>
public static class CosemCodecs
{
    /// <summary>array (tag 1) of <typeparamref name="T"/>. The element count is bounded by the bytes left, so a
    /// hostile count cannot allocate more than the input justifies.</summary>
    public static T[] DecodeArray<T>(ref AxdrReader reader, AxdrDecoder<T> decodeItem)
    {
        int count = reader.ReadArrayHeader();
        if (count == 0)
        {
            return [];
        }
        var items = new T[count];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = decodeItem(ref reader);
        }
        return items;
    }

    /// <summary>array (tag 1): the element count, then each of <paramref name="items"/> in order via
    /// <paramref name="encodeItem"/>.</summary>
    public static void EncodeArray<T>(ref AxdrWriter writer, IReadOnlyList<T> items, AxdrEncoder<T> encodeItem)
    {
        ArgumentNullException.ThrowIfNull(items);
        writer.WriteArrayHeader(items.Count);
        for (int i = 0; i < items.Count; i++)
        {
            encodeItem(ref writer, items[i]);
        }
    }

    /// <summary>octet-string (tag 9), copied out of the reader's buffer; <paramref name="size"/> &gt; 0 requires
    /// exactly that many bytes.</summary>
    public static ReadOnlyMemory<byte> DecodeOctetString(ref AxdrReader reader, int size = 0)
    {
        int at = reader.AbsolutePosition;
        var bytes = reader.ReadOctetString();
        CheckSize(bytes.Length, size, at, "octet-string");
        return bytes.IsEmpty ? ReadOnlyMemory<byte>.Empty : bytes.ToArray();
    }

    /// <summary>octet-string (tag 9); <paramref name="size"/> &gt; 0 requires exactly that many bytes, else
    /// <see cref="CosemEncodingException"/>.</summary>
    public static void EncodeOctetString(ref AxdrWriter writer, ReadOnlyMemory<byte> value, int size = 0)
    {
        CheckSize(value.Length, size, writer.BytesWritten, "octet-string");
        writer.WriteOctetString(value.Span);
    }

    /// <summary>visible-string (tag 10); <paramref name="size"/> &gt; 0 requires exactly that many characters.</summary>
    public static string DecodeVisibleString(ref AxdrReader reader, int size = 0)
    {
        int at = reader.AbsolutePosition;
        string value = reader.ReadVisibleString();
        CheckSize(value.Length, size, at, "visible-string");
        return value;
    }

    /// <summary>visible-string (tag 10), ASCII only; <paramref name="size"/> &gt; 0 requires exactly that many
    /// characters,
    /// else <see cref="CosemEncodingException"/>.</summary>
    public static void EncodeVisibleString(ref AxdrWriter writer, string value, int size = 0)
    {
        ArgumentNullException.ThrowIfNull(value);
        CheckSize(value.Length, size, writer.BytesWritten, "visible-string");
        writer.WriteVisibleString(value);
    }

    /// <summary>utf8-string (tag 12); <paramref name="size"/> &gt; 0 requires exactly that many bytes.</summary>
    public static string DecodeUtf8String(ref AxdrReader reader, int size = 0)
    {
        int at = reader.AbsolutePosition;
        var bytes = reader.ReadUtf8StringBytes();
        CheckSize(bytes.Length, size, at, "utf8-string");
        return System.Text.Encoding.UTF8.GetString(bytes);
    }

    /// <summary>utf8-string (tag 12); <paramref name="size"/> &gt; 0 requires exactly that many UTF-8 bytes, else
    /// <see cref="CosemEncodingException"/>.</summary>
    public static void EncodeUtf8String(ref AxdrWriter writer, string value, int size = 0)
    {
        ArgumentNullException.ThrowIfNull(value);
        CheckSize(System.Text.Encoding.UTF8.GetByteCount(value), size, writer.BytesWritten, "utf8-string");
        writer.WriteUtf8String(value);
    }

    /// <summary>bit-string (tag 4); <paramref name="size"/> &gt; 0 requires exactly that many bits.</summary>
    public static BitString DecodeBitString(ref AxdrReader reader, int size = 0)
    {
        int at = reader.AbsolutePosition;
        var value = reader.ReadBitStringValue();
        CheckSize(value.Length, size, at, "bit-string");
        return value;
    }

    /// <summary>bit-string (tag 4); <paramref name="size"/> &gt; 0 requires exactly that many bits, else
    /// <see cref="CosemEncodingException"/>.</summary>
    public static void EncodeBitString(ref AxdrWriter writer, BitString value, int size = 0)
    {
        CheckSize(value.Length, size, writer.BytesWritten, "bit-string");
        writer.WriteBitString(value);
    }

    /// <summary>A flags value carried as a bit-string: bit n of the string is <c>1 &lt;&lt; n</c> of the value.
    /// Bits beyond the first 64 must be clear.</summary>
    public static ulong DecodeFlagBits(ref AxdrReader reader)
    {
        int at = reader.AbsolutePosition;
        var bits = reader.ReadBitStringValue();
        try
        {
            return bits.ToFlags();
        }
        catch (CosemEncodingException e)
        {
            throw new CosemEncodingException(e.Reason, at, "bit-string");
        }
    }

    /// <summary>Writes <paramref name="flags"/> as a bit-string of <paramref name="bitCount"/> bits, bit n of the
    /// string
    /// being <c>1 &lt;&lt; n</c>; throws <see cref="CosemEncodingException"/> when a flag above
    /// <paramref name="bitCount"/> is set.</summary>
    public static void EncodeFlagBits(ref AxdrWriter writer, ulong flags, int bitCount)
    {
        if (bitCount < 64 && flags >> bitCount != 0)
        {
            throw new CosemEncodingException($"Flags 0x{flags:X} do not fit in {bitCount} bit(s).", writer.BytesWritten, "bit-string");
        }
        writer.WriteBitString(BitString.FromFlags(flags, bitCount));
    }

    /// <summary>
    /// Reads flags from a bit-string whose first bit is the most significant of <paramref name="bitCount"/> (schema
    /// <c>first-bit="high"</c>): the conformance block read as a 24-bit number. Shorter strings are padded with zeros.
    /// </summary>
    public static ulong DecodeFlagBitsFirstHigh(ref AxdrReader reader, int bitCount)
    {
        int at = reader.AbsolutePosition;
        var bits = reader.ReadBitStringValue();
        if (bits.Length > bitCount)
        {
            throw new CosemEncodingException($"Expected at most {bitCount} bits but found {bits.Length}.", at, "bit-string");
        }
        ulong flags = 0;
        for (var i = 0; i < bits.Length; i++)
        {
            if (bits[i])
            {
                flags |= 1UL << (bitCount - 1 - i);
            }
        }
        return flags;
    }

    /// <summary>Writes <paramref name="flags"/> as a bit-string of <paramref name="bitCount"/> bits, most significant first.</summary>
    public static void EncodeFlagBitsFirstHigh(ref AxdrWriter writer, ulong flags, int bitCount)
    {
        if (bitCount < 64 && flags >> bitCount != 0)
        {
            throw new CosemEncodingException($"Flags 0x{flags:X} do not fit in {bitCount} bit(s).", writer.BytesWritten, "bit-string");
        }
        ulong reversed = 0;
        for (var i = 0; i < bitCount; i++)
        {
            reversed |= ((flags >> (bitCount - 1 - i)) & 1) << i;
        }
        writer.WriteBitString(BitString.FromFlags(reversed, bitCount));
    }

    private static void CheckSize(int actual, int size, int at, string field)
    {
        if (size > 0 && actual != size)
        {
            throw new CosemEncodingException($"Expected {size} but found {actual}.", at, field);
        }
    }

    /// <summary>Any Data value (a Blue Book CHOICE).</summary>
    public static CosemData DecodeData(ref AxdrReader reader) => CosemData.Decode(ref reader);

    /// <summary>Any Data value (a Blue Book CHOICE), with its type tag.</summary>
    public static void EncodeData(ref AxdrWriter writer, CosemData value) => value.Encode(ref writer);
}
