namespace Cosem.Sdk.Axdr;

public ref partial struct AxdrWriter
{
    /// <summary>bit-string (tag 4): length in bits, then the packed bytes as stored.</summary>
    public void WriteBitString(BitString value)
    {
        WriteDataType(DataType.BitString);
        WriteRawBitString(value);
    }

    /// <summary>An untagged bit-string (length in bits, then the bytes), as in compact-array contents.</summary>
    public void WriteRawBitString(BitString value)
    {
        WriteLength(value.Length);
        WriteRawBytes(value.Bytes);
    }
}
