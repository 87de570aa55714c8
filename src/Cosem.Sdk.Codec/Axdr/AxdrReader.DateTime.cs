using System.Runtime.CompilerServices;

namespace Cosem.Sdk.Axdr;

// date-time, date and time (IEC 62056-6-2 §4.1.6.1). COSEM attributes carry them as octet-string(12/5/4); the
// Data CHOICE also has the tags date-time [25], date [26], time [27], which some meters use. Both are accepted.
public ref partial struct AxdrReader
{
    /// <summary>A date-time: octet-string of 12 bytes (the Blue Book form) or date-time [25].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public CosemDateTime ReadDateTime()
    {
        // Fast path: 09 0C followed by the twelve bytes.
        int position = _position;
        if ((uint)(position + 2 + CosemDateTime.Length) <= (uint)_buffer.Length
            && _buffer[position] == (byte)DataType.OctetString && _buffer[position + 1] == CosemDateTime.Length)
        {
            _position = position + 2 + CosemDateTime.Length;
            return CosemDateTime.Read(_buffer.Slice(position + 2, CosemDateTime.Length));
        }
        return CosemDateTime.Read(ReadDateTimeLike(DataType.DateTime, CosemDateTime.Length, "date-time"));
    }

    /// <summary>A date: octet-string of 5 bytes or date [26].</summary>
    public CosemDate ReadDate() => new(ReadDateTimeLike(DataType.Date, CosemDate.Length, "date"));

    /// <summary>A time: octet-string of 4 bytes or time [27].</summary>
    public CosemTime ReadTime() => new(ReadDateTimeLike(DataType.Time, CosemTime.Length, "time"));

    /// <summary>Twelve untagged date-time bytes, as in compact-array contents.</summary>
    public CosemDateTime ReadRawDateTime(string field = "date-time") => CosemDateTime.Read(Take(CosemDateTime.Length, field));

    /// <summary>Five untagged date bytes.</summary>
    public CosemDate ReadRawDate(string field = "date") => new(Take(CosemDate.Length, field));

    /// <summary>Four untagged time bytes.</summary>
    public CosemTime ReadRawTime(string field = "time") => new(Take(CosemTime.Length, field));

    private ReadOnlySpan<byte> ReadDateTimeLike(DataType tag, int length, string field)
    {
        int at = AbsolutePosition;
        byte type = ReadRawByte(field);
        if (type == (byte)tag)
        {
            return Take(length, field);
        }
        if (type != (byte)DataType.OctetString)
        {
            throw new CosemEncodingException(
                $"Expected octet-string or {DataTypeInfo.Name(tag)} but found {DataTypeInfo.Name((DataType)type)} (tag {type}).", at, field);
        }
        int lengthAt = AbsolutePosition;
        int actual = ReadLength("octet-string length");
        if (actual != length)
        {
            throw new CosemEncodingException($"A {field} is an octet-string of {length} bytes; found {actual}.", lengthAt, field);
        }
        return Take(length, field);
    }
}
