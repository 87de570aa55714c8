namespace Cosem.Sdk.Axdr;

public ref partial struct AxdrReader
{
    /// <summary>bit-string (tag 4) as a <see cref="BitString"/> (copies the bytes).</summary>
    public BitString ReadBitStringValue()
    {
        var bytes = ReadBitString(out int bitCount);
        return BitString.Wrap(bytes.ToArray(), bitCount);
    }

    /// <summary>An untagged bit-string (length in bits, then the bytes), as in compact-array contents.</summary>
    public BitString ReadRawBitString(string field = "bit-string")
    {
        int bitCount = ReadLength("bit-string length");
        var bytes = Take(BitString.ByteCount(bitCount), field);
        return BitString.Wrap(bytes.ToArray(), bitCount);
    }
}
