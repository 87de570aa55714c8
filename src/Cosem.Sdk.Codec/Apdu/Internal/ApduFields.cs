using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// Field readers and writers shared by the xDLMS APDU codecs (IEC 62056-5-3 §9.5 "xDLMS APDUs", A-XDR rules of
/// IEC 61334-6). Every APDU decoder runs a reader created over the whole APDU, so <see cref="AxdrReader.Position"/>
/// is also an index into the source memory and encoded Data values can be sliced out of it without copying.
/// </summary>
internal static class ApduFields
{
    /// <summary>Consumes the APDU tag and checks it.</summary>
    public static void ExpectTag(ref AxdrReader reader, ApduTag expected)
    {
        int at = reader.AbsolutePosition;
        byte tag = reader.ReadRawByte("apdu tag");
        if (tag != (byte)expected)
        {
            throw new CosemEncodingException($"Expected apdu tag {(byte)expected} ({expected}) but found {tag}.", at, "apdu tag");
        }
    }

    /// <summary>Consumes a CHOICE tag and checks it.</summary>
    public static void ExpectChoice(ref AxdrReader reader, byte expected, string field)
    {
        int at = reader.AbsolutePosition;
        byte choice = reader.ReadRawByte(field);
        if (choice != expected)
        {
            throw new CosemEncodingException($"Expected choice {expected} but found {choice}.", at, field);
        }
    }

    /// <summary>The CHOICE byte that follows the APDU tag, without consuming anything.</summary>
    public static byte PeekServiceChoice(in AxdrReader reader, string field)
    {
        var probe = reader;
        probe.ReadRawByte("apdu tag");
        return probe.ReadRawByte(field);
    }

    /// <summary>Reads the tag, the service CHOICE and the Invoke-Id-And-Priority that open every LN service APDU.</summary>
    public static InvokeIdAndPriority ReadServiceHeader(ref AxdrReader reader, ApduTag tag, byte choice, string choiceField)
    {
        ExpectTag(ref reader, tag);
        ExpectChoice(ref reader, choice, choiceField);
        return new InvokeIdAndPriority(reader.ReadRawByte("invoke-id-and-priority"));
    }

    public static void WriteServiceHeader(ref AxdrWriter writer, ApduTag tag, byte choice, InvokeIdAndPriority invokeIdAndPriority)
    {
        writer.WriteRawByte((byte)tag);
        writer.WriteRawByte(choice);
        writer.WriteRawByte(invokeIdAndPriority.Value);
    }

    public static CosemEncodingException UnknownChoice(int offset, byte choice, string field) =>
        new($"Unknown choice {choice}.", offset, field);

    /// <summary>A BOOLEAN: one byte, any non-zero value is TRUE (A-XDR).</summary>
    public static bool ReadBoolean(ref AxdrReader reader, string field) => reader.ReadRawByte(field) != 0;

    public static void WriteBoolean(ref AxdrWriter writer, bool value) => writer.WriteRawByte(value ? (byte)1 : (byte)0);

    /// <summary>Skips one complete Data value and returns it, still encoded, as a slice of <paramref name="source"/>.</summary>
    public static ReadOnlyMemory<byte> ReadData(ReadOnlyMemory<byte> source, ref AxdrReader reader)
    {
        int start = reader.Position;
        reader.SkipData();
        return source[start..reader.Position];
    }

    /// <summary>An untagged OCTET STRING (A-XDR length, then the bytes), sliced from <paramref name="source"/>.</summary>
    public static ReadOnlyMemory<byte> ReadOctetString(ReadOnlyMemory<byte> source, ref AxdrReader reader, string field)
    {
        int length = reader.ReadLength(field + " length");
        int start = reader.Position;
        reader.ReadRawBytes(length, field);
        return source.Slice(start, length);
    }

    public static void WriteOctetString(ref AxdrWriter writer, ReadOnlySpan<byte> value)
    {
        writer.WriteLength(value.Length);
        writer.WriteRawBytes(value);
    }

    /// <summary>The element count of a SEQUENCE OF, refused when it cannot fit in the bytes left.</summary>
    public static int ReadCount(ref AxdrReader reader, string field, int minimumElementSize = 1) =>
        reader.ReadBoundedLength(field, minimumElementSize);

    public static ReadOnlyMemory<byte>[] ReadDataList(ReadOnlyMemory<byte> source, ref AxdrReader reader, string field)
    {
        int count = ReadCount(ref reader, field);
        var values = new ReadOnlyMemory<byte>[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = ReadData(source, ref reader);
        }
        return values;
    }

    public static void WriteDataList(ref AxdrWriter writer, IReadOnlyList<ReadOnlyMemory<byte>> values)
    {
        writer.WriteLength(values.Count);
        for (int i = 0; i < values.Count; i++)
        {
            writer.WriteEncoded(values[i].Span);
        }
    }

    public static DataAccessResult[] ReadDataAccessResults(ref AxdrReader reader, string field)
    {
        int count = ReadCount(ref reader, field);
        var results = new DataAccessResult[count];
        for (int i = 0; i < count; i++)
        {
            results[i] = (DataAccessResult)reader.ReadRawByte("data-access-result");
        }
        return results;
    }

    public static void WriteDataAccessResults(ref AxdrWriter writer, IReadOnlyList<DataAccessResult> results)
    {
        writer.WriteLength(results.Count);
        for (int i = 0; i < results.Count; i++)
        {
            writer.WriteRawByte((byte)results[i]);
        }
    }

    public static CosemMethodDescriptor[] ReadMethodDescriptors(ref AxdrReader reader, string field)
    {
        int count = ReadCount(ref reader, field, CosemMethodDescriptor.EncodedLength);
        var descriptors = new CosemMethodDescriptor[count];
        for (int i = 0; i < count; i++)
        {
            descriptors[i] = CosemMethodDescriptor.Decode(ref reader);
        }
        return descriptors;
    }

    public static void WriteMethodDescriptors(ref AxdrWriter writer, IReadOnlyList<CosemMethodDescriptor> descriptors)
    {
        writer.WriteLength(descriptors.Count);
        for (int i = 0; i < descriptors.Count; i++)
        {
            descriptors[i].Encode(ref writer);
        }
    }

    /// <summary>An OPTIONAL Selective-Access-Descriptor: presence flag, then selector and parameters.</summary>
    public static SelectiveAccessDescriptor? ReadOptionalSelection(ReadOnlyMemory<byte> source, ref AxdrReader reader) =>
        reader.ReadOptionalFlag("access-selection")
            ? SelectiveAccessDescriptor.Decode(source, ref reader)
            : null;

    public static void WriteOptionalSelection(ref AxdrWriter writer, SelectiveAccessDescriptor? selection)
    {
        writer.WriteOptionalFlag(selection.HasValue);
        selection?.Encode(ref writer);
    }

    public static bool SequenceEqual(IReadOnlyList<ReadOnlyMemory<byte>> left, IReadOnlyList<ReadOnlyMemory<byte>> right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }
        for (int i = 0; i < left.Count; i++)
        {
            if (!left[i].Span.SequenceEqual(right[i].Span))
            {
                return false;
            }
        }
        return true;
    }
}
