using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu;

/// <summary>
/// The conformance block inside the A-XDR initiate APDUs is BER encoded (IEC 62056-5-3 §8: "Conformance ::=
/// [APPLICATION 31] IMPLICIT BIT STRING (SIZE(24))"): <c>5F 1F 04 00 b0 b1 b2</c>.
/// </summary>
internal static class ConformanceEncoding
{
    public const int EncodedLength = 7;

    public static void Write(ref AxdrWriter writer, Conformance value)
    {
        var span = writer.ReserveRawBytes(EncodedLength);
        span[0] = 0x5F;
        span[1] = 0x1F;
        span[2] = 0x04;
        span[3] = 0x00;
        span[4] = (byte)((uint)value >> 16);
        span[5] = (byte)((uint)value >> 8);
        span[6] = (byte)(uint)value;
    }

    /// <summary>
    /// Reads the block. Liberal as meters are: the <c>1F</c> octet may be missing (some older meters send
    /// <c>5F 04 …</c>), and a bit string shorter or longer than 24 bits is accepted, missing bits reading as zero and
    /// bits past 24 ignored.
    /// </summary>
    public static Conformance Read(ref AxdrReader reader, string field)
    {
        int at = reader.AbsolutePosition;
        if (reader.ReadRawByte(field) != 0x5F)
        {
            throw new CosemEncodingException("Expected the conformance tag [APPLICATION 31] (5F 1F).", at, field);
        }
        if (reader.PeekRawByte(field) == 0x1F)
        {
            reader.ReadRawByte(field);
        }
        int lengthAt = reader.AbsolutePosition;
        int length = reader.ReadLength(field);
        if (length == 0 || length > reader.Remaining)
        {
            throw new CosemEncodingException($"Invalid conformance length {length}.", lengthAt, field);
        }
        var contents = reader.ReadRawBytes(length, field);
        var bits = contents[1..];
        uint value = 0;
        for (int i = 0; i < 3; i++)
        {
            value = (value << 8) | (i < bits.Length ? bits[i] : 0u);
        }
        return (Conformance)value;
    }
}
