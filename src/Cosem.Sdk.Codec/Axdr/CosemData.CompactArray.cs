using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Cosem.Sdk.Axdr;

// compact-array (IEC 62056-6-2 §4.1.5): a type description, then the element values back to back without tags.
// The encoded description, contents length and contents are kept, so re-encoding is byte-identical whatever length forms the sender
// chose; the elements are decoded once for reading.
//
// Delta types (delta-integer … delta-double-long-unsigned, tags 28–33, Blue Book Ed. 14 onwards) are meant for
// compact-array contents, where a value is sent as a difference rather than absolute to save bytes. This model
// keeps each delta element as the stored (difference) value with its delta type, exactly as encoded; turning
// differences into absolute values is left to the reader of the data, since it depends on the object's semantics.
public readonly partial struct CosemData
{
    // Bounds how many values hostile contents may decode into: a description with many zero-size fields (null-data,
    // empty structures) must not turn a few bytes into millions of values.
    private const long ValuesPerContentByte = 16;
    private const long ValueAllowance = 1 << 16;

    /// <summary>
    /// A compact-array of <paramref name="elements"/>, each of which must have exactly the shape of
    /// <paramref name="description"/>.
    /// </summary>
    public static CosemData CompactArray(TypeDescription description, params ReadOnlySpan<CosemData> elements)
    {
        ArgumentNullException.ThrowIfNull(description);
        var output = new ArrayBufferWriter<byte>();
        var writer = new AxdrWriter(output);
        for (int i = 0; i < elements.Length; i++)
        {
            if (!description.Matches(elements[i]))
            {
                throw new ArgumentException($"Element {i} ({elements[i]}) does not match {description}.", nameof(elements));
            }
            elements[i].EncodeElement(ref writer);
        }
        writer.Flush();
        var headerOutput = new ArrayBufferWriter<byte>();
        var headerWriter = new AxdrWriter(headerOutput);
        description.Encode(ref headerWriter);
        headerWriter.WriteLength(output.WrittenCount);
        headerWriter.Flush();
        return new CosemData(DataType.CompactArray, 0, new CompactArrayValue(
            description, headerOutput.WrittenSpan.ToArray(), output.WrittenSpan.ToArray(), elements.ToArray()));
    }

    /// <summary>The type description of a compact-array.</summary>
    public TypeDescription CompactArrayDescription => _reference is CompactArrayValue compact
        ? compact.Description
        : throw Mismatch("compact-array");

    /// <summary>
    /// Decodes compact-array contents given its type description, as returned by
    /// <see cref="AxdrReader.ReadCompactArrayBody"/>.
    /// </summary>
    /// <param name="typeDescription">The encoded type description: the element type, with counts and fields for arrays
    /// and structures.</param>
    /// <param name="contents">The element contents, without type tags, as they follow the type description.</param>
    /// <param name="contentsOffset">Offset of <paramref name="contents"/> in the decoded unit, for error positions.</param>
    public static ImmutableArray<CosemData> DecodeCompactArray(ReadOnlySpan<byte> typeDescription, ReadOnlySpan<byte> contents, int contentsOffset = 0)
    {
        var descriptionReader = new AxdrReader(typeDescription);
        var description = TypeDescription.Decode(ref descriptionReader);
        descriptionReader.EnsureAtEnd("type-description");
        return ImmutableCollectionsMarshal.AsImmutableArray(DecodeContents(description, contents, contentsOffset));
    }

    private static CosemData DecodeCompactArrayBody(ref AxdrReader reader)
    {
        int headerStart = reader.Position;
        var description = TypeDescription.Decode(ref reader);
        int length = reader.ReadLength("array-contents length");
        var encodedHeader = reader.Buffer[headerStart..reader.Position].ToArray();
        int contentsAt = reader.AbsolutePosition;
        var contents = reader.ReadRawBytes(length, "array-contents");
        var elements = DecodeContents(description, contents, contentsAt);
        return new CosemData(DataType.CompactArray, 0, new CompactArrayValue(description, encodedHeader, contents.ToArray(), elements));
    }

    private static CosemData[] DecodeContents(TypeDescription description, ReadOnlySpan<byte> contents, int contentsAt)
    {
        if (contents.IsEmpty)
        {
            return [];
        }
        if (description.MinimumSize == 0)
        {
            throw new CosemEncodingException($"Elements of type {description} take no bytes, so the contents cannot be split into elements.", contentsAt, "array-contents");
        }
        long maxElements = contents.Length / description.MinimumSize;
        if (maxElements == 0)
        {
            // Refused before decoding: zero-size parts of the element (arrays of null-data) would be built first.
            throw new CosemEncodingException($"The {contents.Length} content byte(s) are fewer than one {description} element needs ({description.MinimumSize}).", contentsAt, "array-contents");
        }
        long valueLimit = ValuesPerContentByte * contents.Length + ValueAllowance;
        if (description.ValueCount > valueLimit / maxElements)
        {
            throw new CosemEncodingException($"Type description {description} expands into too many values for {contents.Length} content byte(s).", contentsAt, "type-description");
        }
        var reader = new AxdrReader(contents, contentsAt);
        var elements = new List<CosemData>((int)Math.Min(maxElements, 4096));
        while (!reader.IsAtEnd)
        {
            elements.Add(DecodeElement(ref reader, description));
        }
        return [.. elements];
    }

    private static CosemData DecodeElement(ref AxdrReader reader, TypeDescription description)
    {
        switch (description.Type)
        {
            case DataType.Array:
                var elementType = description.ElementType!;
                if (description.ElementCount * elementType.MinimumSize > reader.Remaining)
                {
                    throw new CosemEncodingException(
                        $"An array of {description.ElementCount} {elementType} element(s) overruns the {reader.Remaining} content byte(s) left.",
                        reader.AbsolutePosition, "array-contents");
                }
                var items = description.ElementCount == 0 ? [] : new CosemData[description.ElementCount];
                for (int i = 0; i < items.Length; i++)
                {
                    items[i] = DecodeElement(ref reader, elementType);
                }
                return new CosemData(DataType.Array, 0, items);
            case DataType.Structure:
                var fields = description.Fields;
                var values = fields.Length == 0 ? [] : new CosemData[fields.Length];
                for (int i = 0; i < values.Length; i++)
                {
                    values[i] = DecodeElement(ref reader, fields[i]);
                }
                return new CosemData(DataType.Structure, 0, values);
            default:
                return DecodeSimple(ref reader, description.Type);
        }
    }

    // An element in compact-array form: no tags, no counts; simple values as after their tag.
    private void EncodeElement(ref AxdrWriter writer)
    {
        if (ItemArray is { } items)
        {
            foreach (var item in items)
            {
                item.EncodeElement(ref writer);
            }
        }
        else
        {
            EncodeSimpleBody(ref writer);
        }
    }

    // EncodedHeader: the type description and the contents length exactly as they were (or will be) sent.
    private sealed class CompactArrayValue(TypeDescription description, byte[] encodedHeader, byte[] contents, CosemData[] elements)
    {
        public TypeDescription Description { get; } = description;
        public byte[] EncodedHeader { get; } = encodedHeader;
        public byte[] Contents { get; } = contents;
        public CosemData[] Elements { get; } = elements;

        public bool ContentEquals(CompactArrayValue other) =>
            EncodedHeader.AsSpan().SequenceEqual(other.EncodedHeader) && Contents.AsSpan().SequenceEqual(other.Contents);
    }
}
