namespace Cosem.Sdk.Axdr;

// compact-array (IEC 62056-6-2 §4.1.5):
//   compact-array ::= SEQUENCE { contents-description TypeDescription, array-contents OCTET STRING }
//   TypeDescription ::= CHOICE { array [1] SEQUENCE { number-of-elements Unsigned16, type-description TypeDescription },
//                                structure [2] SEQUENCE OF TypeDescription, <simple type> [tag] NULL }
public ref partial struct AxdrReader
{
    /// <summary>
    /// Reads a compact-array after its tag: returns the raw type description and the raw contents, both sliced
    /// from the buffer. Decode the contents with <see cref="CosemData.DecodeCompactArray"/>, or read a whole
    /// compact-array with <see cref="CosemData.Decode(ref AxdrReader)"/>.
    /// </summary>
    public void ReadCompactArrayBody(out ReadOnlySpan<byte> typeDescription, out ReadOnlySpan<byte> contents)
    {
        int start = _position;
        SkipTypeDescription(0);
        typeDescription = _buffer[start.._position];
        int length = ReadLength("array-contents length");
        contents = Take(length, "array-contents");
    }

    /// <summary>Reads a tagged compact-array.</summary>
    public void ReadCompactArray(out ReadOnlySpan<byte> typeDescription, out ReadOnlySpan<byte> contents)
    {
        ExpectDataType(DataType.CompactArray);
        ReadCompactArrayBody(out typeDescription, out contents);
    }

    private void SkipCompactArrayBody(int at)
    {
        ReadCompactArrayBody(out _, out _);
    }

    private void SkipTypeDescription(int depth)
    {
        int at = AbsolutePosition;
        if (depth > MaxNesting)
        {
            throw new CosemEncodingException($"Type description nested deeper than {MaxNesting} levels.", at, "type-description");
        }
        var type = (DataType)ReadRawByte("type-description");
        switch (type)
        {
            case DataType.Array:
                ReadRawUInt16("number-of-elements");
                SkipTypeDescription(depth + 1);
                break;
            case DataType.Structure:
                int count = ReadBoundedLength("structure description length");
                for (int i = 0; i < count; i++)
                {
                    SkipTypeDescription(depth + 1);
                }
                break;
            case DataType.CompactArray:
                throw new CosemEncodingException("A compact-array cannot describe a compact-array.", at, "type-description");
            default:
                if (!DataTypeInfo.IsDefined(type))
                {
                    throw new CosemEncodingException($"Unknown data type tag {(byte)type} in type description.", at, "type-description");
                }
                break;
        }
    }
}
