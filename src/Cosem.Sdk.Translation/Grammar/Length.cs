using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Translation.Grammar;

/// <summary>
/// A-XDR and BER definite lengths (the same X.690 form). A length written in more bytes than needed is
/// legal on the wire, so its exact bytes are kept in an attribute and re-used when they still fit.
/// </summary>
internal static class Length
{
    /// <summary>Reads a length; records its bytes on <paramref name="target"/> when they are not the shortest form.</summary>
    public static int Decode(ref AxdrReader reader, PduElement target, DecodeContext context, string attribute = "LengthBytes")
    {
        int start = reader.Position;
        int length = reader.ReadLength(context.Path);
        int size = reader.Position - start;
        if (size != AxdrWriter.GetLengthSize(length))
        {
            target.Set(attribute, HexText.Format(reader.Buffer.Slice(start, size)));
        }
        return length;
    }

    /// <summary>A length that must also fit in the bytes left (each counted item at least <paramref name="minimumItemSize"/> bytes).</summary>
    public static int DecodeBounded(ref AxdrReader reader, PduElement target, DecodeContext context, int minimumItemSize = 1, string attribute = "LengthBytes")
    {
        int at = reader.AbsolutePosition;
        int length = Decode(ref reader, target, context, attribute);
        if ((long)length * minimumItemSize > reader.Remaining)
        {
            throw context.Error($"Length {length} overruns the {reader.Remaining} byte(s) left.", at);
        }
        return length;
    }

    /// <summary>Writes <paramref name="length"/>, re-using recorded bytes if they still encode that value.</summary>
    public static void Encode(PduWriter writer, int length, ElementCursor cursor, string attribute = "LengthBytes")
    {
        string? recorded = cursor.Attribute(attribute);
        if (recorded is not null)
        {
            byte[] bytes = cursor.ParseHex(attribute, recorded);
            if (TryRead(bytes, out int value) && value == length)
            {
                writer.WriteBytes(bytes);
                return;
            }
        }
        WriteShortest(writer, length);
    }

    public static void WriteShortest(PduWriter writer, int length)
    {
        if (length < 0x80)
        {
            writer.WriteByte((byte)length);
            return;
        }
        int count = length <= 0xFF ? 1 : length <= 0xFFFF ? 2 : length <= 0xFFFFFF ? 3 : 4;
        writer.WriteByte((byte)(0x80 | count));
        for (int i = count - 1; i >= 0; i--)
        {
            writer.WriteByte((byte)(length >> (8 * i)));
        }
    }

    private static bool TryRead(byte[] bytes, out int value)
    {
        value = -1;
        try
        {
            var reader = new AxdrReader(bytes);
            value = reader.ReadLength();
            return reader.IsAtEnd;
        }
        catch (CosemEncodingException)
        {
            return false;
        }
    }
}
