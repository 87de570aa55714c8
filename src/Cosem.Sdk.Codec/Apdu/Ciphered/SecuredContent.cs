using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// The ciphered content of a protected APDU: an OCTET STRING holding the security header (security control byte and
/// four-byte invocation counter) followed by the ciphered text and, when authenticated, the tag
/// (IEC 62056-5-3 §9.2.7.2.4).
/// </summary>
internal static class SecuredContent
{
    public const int HeaderLength = 5;

    public static void Read(
        ReadOnlyMemory<byte> source, ref AxdrReader reader, string field,
        out SecurityControl securityControl, out uint invocationCounter, out ReadOnlyMemory<byte> cipheredText)
    {
        int at = reader.AbsolutePosition;
        int length = reader.ReadLength(field + " length");
        if (length < HeaderLength)
        {
            throw new CosemEncodingException(
                $"Ciphered content of {length} byte(s) cannot hold the {HeaderLength}-byte security header.", at, field);
        }
        securityControl = new SecurityControl(reader.ReadRawByte("security-control"));
        invocationCounter = reader.ReadRawUInt32("invocation-counter");
        cipheredText = Slice(source, ref reader, length - HeaderLength, field);
    }

    public static void Write(ref AxdrWriter writer, SecurityControl securityControl, uint invocationCounter, ReadOnlySpan<byte> cipheredText)
    {
        writer.WriteLength(HeaderLength + cipheredText.Length);
        writer.WriteRawByte(securityControl.Value);
        writer.WriteRawUInt32(invocationCounter);
        writer.WriteRawBytes(cipheredText);
    }

    private static ReadOnlyMemory<byte> Slice(ReadOnlyMemory<byte> source, ref AxdrReader reader, int count, string field)
    {
        int start = reader.Position;
        reader.ReadRawBytes(count, field);
        return source.Slice(start, count);
    }
}
