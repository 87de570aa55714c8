using System.Buffers;
using System.Buffers.Binary;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Objects;

/// <summary>
/// The compact encoding of Compact data (class 62, Blue Book §4.3.10): a value split into its type description (the
/// template, without values) and its contents (the values, without type tags).
/// </summary>
/// <remarks>
/// <para>Type description, as in the compact-array of IEC 62056-6-2 §4.1.6: a simple type is its tag; an array is tag
/// 1, the number of elements (Unsigned16) and the element's description, given once; a structure is tag 2, the number
/// of elements (an A-XDR length) and each element's description.</para>
/// <para>Contents: each value's A-XDR encoding without its tag. Fixed-size types are their bytes; octet-, visible-
/// and utf8-strings and bit-strings keep their length; arrays and structures have no header (the template says how
/// many elements follow).</para>
/// <para>Decoding rebuilds the full A-XDR into one buffer and decodes that: the only allocations are the buffer and
/// the decoded values. Nesting is bounded (<see cref="MaxDepth"/>) and every count is checked against the bytes
/// left, so a hostile template cannot make it loop or allocate beyond the input.</para>
/// </remarks>
public static class CompactDataEncoding
{
    /// <summary>The deepest nesting of arrays and structures accepted: 16.</summary>
    public const int MaxDepth = 16;

    /// <summary>Values without contents (null-data, empty structures) accepted beyond one per byte of contents.</summary>
    private const int MaxEmptyValues = 65_536;

    /// <summary>Splits a full A-XDR value into its type description and its contents.</summary>
    /// <param name="encoded">One A-XDR encoded value.</param>
    /// <param name="description">Receives the type description.</param>
    /// <param name="contents">Receives the contents.</param>
    /// <exception cref="CosemEncodingException">The value is malformed, an array's elements differ in type (the
    /// template describes them once), or it holds a compact-array.</exception>
    public static void Split(ReadOnlySpan<byte> encoded, IBufferWriter<byte> description, IBufferWriter<byte> contents)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(contents);
        var position = 0;
        SplitValue(encoded, ref position, description, contents, 0);
        if (position != encoded.Length)
        {
            throw new CosemEncodingException($"{encoded.Length - position} byte(s) follow the value.");
        }
    }

    /// <summary>Rebuilds the full A-XDR encoding of the values in <paramref name="contents"/> described by
    /// <paramref name="description"/>.</summary>
    /// <exception cref="CosemEncodingException">The template is malformed or the contents do not match it.</exception>
    public static void Expand(ReadOnlySpan<byte> description, ReadOnlySpan<byte> contents, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (d, c) = (0, 0);
        // Every value but null-data and empty containers consumes contents; those are capped, so nested counts of
        // nothing cannot make the expansion run long.
        var budget = contents.Length + MaxEmptyValues;
        ExpandValue(description, ref d, contents, ref c, output, 0, ref budget);
        if (d != description.Length)
        {
            throw new CosemEncodingException($"{description.Length - d} byte(s) of the type description describe nothing.");
        }
        if (c != contents.Length)
        {
            throw new CosemEncodingException($"{contents.Length - c} byte(s) of contents are not described by the template.");
        }
    }

    /// <summary>Decodes the values in <paramref name="contents"/> against <paramref name="description"/>.</summary>
    /// <exception cref="CosemEncodingException">The template is malformed or the contents do not match it.</exception>
    public static CosemData Decode(ReadOnlySpan<byte> description, ReadOnlySpan<byte> contents)
    {
        var full = new ArrayBufferWriter<byte>(contents.Length + description.Length * 2 + 16);
        Expand(description, contents, full);
        return CosemData.Decode(full.WrittenSpan);
    }

    // ---- splitting ----------------------------------------------------------------------------------------------

    private static void SplitValue(ReadOnlySpan<byte> encoded, ref int position, IBufferWriter<byte> description, IBufferWriter<byte> contents, int depth)
    {
        var tag = (DataType)Take(encoded, ref position, 1)[0];
        switch (tag)
        {
            case DataType.Array:
            {
                var count = ReadLength(encoded, ref position);
                if (count > ushort.MaxValue)
                {
                    throw new CosemEncodingException($"An array of {count} elements does not fit a compact template (at most 65,535).");
                }
                Write(description, [(byte)DataType.Array, (byte)(count >> 8), (byte)count]);
                if (count == 0)
                {
                    Write(description, [(byte)DataType.NullData]);
                    return;
                }
                EnsureDepth(depth);
                var first = new ArrayBufferWriter<byte>();
                SplitValue(encoded, ref position, first, contents, depth + 1);
                description.Write(first.WrittenSpan);
                var other = new ArrayBufferWriter<byte>();
                for (var i = 1; i < count; i++)
                {
                    other.ResetWrittenCount();
                    SplitValue(encoded, ref position, other, contents, depth + 1);
                    if (!other.WrittenSpan.SequenceEqual(first.WrittenSpan))
                    {
                        throw new CosemEncodingException($"Element {i} of an array differs in type from element 0; a compact template describes it once.");
                    }
                }
                return;
            }
            case DataType.Structure:
            {
                var count = ReadLength(encoded, ref position);
                Write(description, [(byte)DataType.Structure]);
                WriteLength(description, count);
                EnsureDepth(depth);
                for (var i = 0; i < count; i++)
                {
                    SplitValue(encoded, ref position, description, contents, depth + 1);
                }
                return;
            }
            default:
                Write(description, [(byte)tag]);
                var start = position;
                SkipSimple(tag, encoded, ref position);
                contents.Write(encoded[start..position]);
                return;
        }
    }

    // ---- expanding ----------------------------------------------------------------------------------------------

    private static void ExpandValue(ReadOnlySpan<byte> description, ref int d, ReadOnlySpan<byte> contents, ref int c, IBufferWriter<byte> output, int depth,
        ref int budget)
    {
        if (--budget < 0)
        {
            throw new CosemEncodingException("The compact template describes more values than the contents can hold.");
        }
        var tag = (DataType)Take(description, ref d, 1)[0];
        switch (tag)
        {
            case DataType.Array:
            {
                var count = BinaryPrimitives.ReadUInt16BigEndian(Take(description, ref d, 2));
                Write(output, [(byte)DataType.Array]);
                WriteLength(output, count);
                EnsureDepth(depth);
                var element = d;
                if (count == 0)
                {
                    SkipDescription(description, ref d, depth + 1);
                    return;
                }
                for (var i = 0; i < count; i++)
                {
                    d = element;
                    ExpandValue(description, ref d, contents, ref c, output, depth + 1, ref budget);
                }
                return;
            }
            case DataType.Structure:
            {
                var count = ReadLength(description, ref d);
                Write(output, [(byte)DataType.Structure]);
                WriteLength(output, count);
                EnsureDepth(depth);
                for (var i = 0; i < count; i++)
                {
                    ExpandValue(description, ref d, contents, ref c, output, depth + 1, ref budget);
                }
                return;
            }
            default:
                var start = c;
                SkipSimple(tag, contents, ref c);
                Write(output, [(byte)tag]);
                output.Write(contents[start..c]);
                return;
        }
    }

    private static void SkipDescription(ReadOnlySpan<byte> description, ref int d, int depth)
    {
        EnsureDepth(depth);
        var tag = (DataType)Take(description, ref d, 1)[0];
        if (tag == DataType.Array)
        {
            Take(description, ref d, 2);
            SkipDescription(description, ref d, depth + 1);
        }
        else if (tag == DataType.Structure)
        {
            var count = ReadLength(description, ref d);
            for (var i = 0; i < count; i++)
            {
                SkipDescription(description, ref d, depth + 1);
            }
        }
        else
        {
            FixedSize(tag);
        }
    }

    // ---- simple values ------------------------------------------------------------------------------------------

    private static void SkipSimple(DataType tag, ReadOnlySpan<byte> bytes, ref int position)
    {
        switch (tag)
        {
            case DataType.OctetString or DataType.VisibleString or DataType.Utf8String:
                Take(bytes, ref position, ReadLength(bytes, ref position));
                return;
            case DataType.BitString:
                Take(bytes, ref position, BitString.ByteCount(ReadLength(bytes, ref position)));
                return;
            default:
                Take(bytes, ref position, FixedSize(tag));
                return;
        }
    }

    // Bytes of a fixed-size type's contents; -1 for the variable-length ones (handled by the caller).
    private static int FixedSize(DataType tag) => tag switch
    {
        DataType.NullData => 0,
        DataType.Boolean or DataType.Bcd or DataType.Integer or DataType.Unsigned or DataType.Enum => 1,
        DataType.Long or DataType.LongUnsigned => 2,
        DataType.DoubleLong or DataType.DoubleLongUnsigned or DataType.Float32 or DataType.Time => 4,
        DataType.Date => 5,
        DataType.Long64 or DataType.Long64Unsigned or DataType.Float64 => 8,
        DataType.DateTime => 12,
        DataType.OctetString or DataType.VisibleString or DataType.Utf8String or DataType.BitString => -1,
        _ => throw new CosemEncodingException($"Type tag {(byte)tag} cannot appear in compact data."),
    };

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> bytes, ref int position, int count)
    {
        if (count < 0 || count > bytes.Length - position)
        {
            throw new CosemEncodingException($"Compact data is truncated: {count} byte(s) needed at offset {position}, {bytes.Length - position} left.");
        }
        var taken = bytes.Slice(position, count);
        position += count;
        return taken;
    }

    private static int ReadLength(ReadOnlySpan<byte> bytes, ref int position)
    {
        var first = Take(bytes, ref position, 1)[0];
        if (first < 0x80)
        {
            return first;
        }
        var size = first & 0x7F;
        if (size is 0 or > 3)
        {
            throw new CosemEncodingException($"Unsupported A-XDR length prefix 0x{first:X2}.");
        }
        var length = 0;
        foreach (var b in Take(bytes, ref position, size))
        {
            length = (length << 8) | b;
        }
        return length;
    }

    private static void WriteLength(IBufferWriter<byte> output, int length)
    {
        if (length < 0x80)
        {
            Write(output, [(byte)length]);
        }
        else if (length <= 0xFF)
        {
            Write(output, [0x81, (byte)length]);
        }
        else if (length <= 0xFFFF)
        {
            Write(output, [0x82, (byte)(length >> 8), (byte)length]);
        }
        else
        {
            Write(output, [0x83, (byte)(length >> 16), (byte)(length >> 8), (byte)length]);
        }
    }

    private static void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes) => output.Write(bytes);

    private static void EnsureDepth(int depth)
    {
        if (depth >= MaxDepth)
        {
            throw new CosemEncodingException($"Compact data nests deeper than {MaxDepth} levels.");
        }
    }
}
