using Cosem.Sdk.Axdr;
using Cosem.Sdk.Translation.Grammar;

namespace Cosem.Sdk.Translation.Ber;

/// <summary>
/// Reading and writing the value part of one BER TLV (ISO/IEC 8825-1): the content is sliced out and decoded
/// by a grammar node with a reader of its own, which must consume it exactly.
/// </summary>
internal static class BerContent
{
    /// <summary>Reads a definite length and the content it announces, and decodes the content with <paramref name="content"/>.</summary>
    public static void Decode(ref AxdrReader reader, GrammarNode content, PduElement element, DecodeContext context, string lengthAttribute = "LengthBytes")
    {
        int length = Length.Decode(ref reader, element, context, lengthAttribute);
        int offset = reader.AbsolutePosition;
        var bytes = reader.ReadRawBytes(length, context.Path);
        var inner = new AxdrReader(bytes, offset);
        content.Decode(ref inner, element, context);
        inner.EnsureAtEnd(context.Path);
    }

    /// <summary>Writes the tag, the length and the content that <paramref name="content"/> produces from the cursor.</summary>
    public static void Encode(PduWriter writer, ReadOnlySpan<byte> tag, GrammarNode content, ElementCursor cursor, string lengthAttribute = "LengthBytes")
    {
        var body = new PduWriter();
        content.Encode(cursor, body);
        writer.WriteBytes(tag);
        Length.Encode(writer, body.Length, cursor, lengthAttribute);
        writer.WriteBytes(body.WrittenSpan);
    }

    /// <summary>Reads a tag: one byte, or several when the low five bits are all set (high tag number form).</summary>
    public static ReadOnlySpan<byte> ReadTag(ref AxdrReader reader, DecodeContext context)
    {
        int start = reader.Position;
        byte first = reader.ReadRawByte(context.Path + " (tag)");
        if ((first & 0x1F) == 0x1F)
        {
            int count = 0;
            while ((reader.ReadRawByte(context.Path + " (tag)") & 0x80) != 0)
            {
                if (++count > 3) // the first byte, at most three with bit 8 set, and the last: five in all
                {
                    throw context.Error("BER tag longer than 5 bytes.", reader.AbsolutePosition);
                }
            }
        }
        return reader.Buffer[start..reader.Position];
    }

    /// <summary>
    /// Checks the tag of an UnknownField or Other element before it is written as given: it must be exactly one BER
    /// tag (the bytes after a complete tag would be read back as the length), and not a tag the grammar knows here
    /// (it would be read back as that component, whose content it need not fit).
    /// </summary>
    internal static void CheckOtherTag(ReadOnlySpan<byte> tag, bool isKnown, ElementCursor element)
    {
        if (!IsOneTag(tag))
        {
            throw element.Error($"Tag=\"{HexText.Format(tag)}\" is not exactly one BER tag (ISO/IEC 8825-1 §8.1.2).");
        }
        if (isKnown)
        {
            throw element.Error($"Tag=\"{HexText.Format(tag)}\" is a known component here: write it as that element.");
        }
    }

    // One identifier as ReadTag reads it: a single byte unless its number bits are all ones (0x1F), then 1-4
    // subsequent bytes, all but the last with bit 8 set.
    internal static bool IsOneTag(ReadOnlySpan<byte> tag)
    {
        if (tag.IsEmpty || (tag[0] & 0x1F) != 0x1F)
        {
            return tag.Length == 1;
        }
        if (tag.Length is < 2 or > 5 || (tag[^1] & 0x80) != 0)
        {
            return false;
        }
        foreach (byte b in tag[1..^1])
        {
            if ((b & 0x80) == 0)
            {
                return false;
            }
        }
        return true;
    }
}
