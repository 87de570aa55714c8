using System.Globalization;
using System.Text;

namespace Cosem.Sdk.Ber;

/// <summary>
/// OBJECT IDENTIFIER contents octets (ISO/IEC 8825-1 §8.19): arcs as base-128 digits, the first two arcs folded
/// into one subidentifier (40·X + Y). Arcs are limited to 32 bits, which covers every identifier DLMS uses.
/// </summary>
public static class BerObjectIdentifier
{
    /// <summary>Checks that <paramref name="contents"/> is a well-formed identifier whose arcs fit in 32 bits.</summary>
    public static void Validate(ReadOnlySpan<byte> contents, int offset, string field)
    {
        if (contents.IsEmpty)
        {
            throw new CosemEncodingException("An OBJECT IDENTIFIER needs at least one contents octet.", offset, field);
        }
        if ((contents[^1] & 0x80) != 0)
        {
            throw new CosemEncodingException("OBJECT IDENTIFIER ends inside a subidentifier.", offset, field);
        }
        ulong value = 0;
        bool startOfSubidentifier = true;
        bool first = true;
        foreach (byte b in contents)
        {
            if (startOfSubidentifier && b == 0x80)
            {
                throw new CosemEncodingException("OBJECT IDENTIFIER subidentifier has a leading zero digit (§8.19.2).", offset, field);
            }
            value = (value << 7) | (uint)(b & 0x7F);
            // The first subidentifier folds two arcs (40·X + Y), so it may exceed 32 bits by up to 80.
            if (value > (first ? uint.MaxValue + 80UL : uint.MaxValue))
            {
                throw new CosemEncodingException("OBJECT IDENTIFIER arc does not fit in 32 bits.", offset, field);
            }
            startOfSubidentifier = (b & 0x80) == 0;
            if (startOfSubidentifier)
            {
                value = 0;
                first = false;
            }
        }
    }

    /// <summary>Number of arcs in well-formed <paramref name="contents"/>.</summary>
    public static int GetArcCount(ReadOnlySpan<byte> contents)
    {
        int subidentifiers = 0;
        foreach (byte b in contents)
        {
            if ((b & 0x80) == 0)
            {
                subidentifiers++;
            }
        }
        return subidentifiers + 1;
    }

    /// <summary>
    /// Decodes the arcs of <paramref name="contents"/> into <paramref name="arcs"/>; returns the count.
    /// Throws if malformed or if <paramref name="arcs"/> is too short.
    /// </summary>
    public static int Decode(ReadOnlySpan<byte> contents, Span<uint> arcs, int offset = -1, string field = "object identifier")
    {
        Validate(contents, offset, field);
        int needed = GetArcCount(contents);
        if (arcs.Length < needed)
        {
            throw new CosemEncodingException($"OBJECT IDENTIFIER has {needed} arcs; at most {arcs.Length} expected.", offset, field);
        }
        int count = 0;
        ulong value = 0;
        foreach (byte b in contents)
        {
            value = (value << 7) | (uint)(b & 0x7F);
            if ((b & 0x80) != 0)
            {
                continue;
            }
            if (count == 0)
            {
                // First subidentifier = 40·X + Y with X in 0..2 (§8.19.4).
                uint first = value < 40 ? 0u : value < 80 ? 1u : 2u;
                ulong second = value - 40UL * first;
                if (second > uint.MaxValue)
                {
                    throw new CosemEncodingException("OBJECT IDENTIFIER arc does not fit in 32 bits.", offset, field);
                }
                arcs[0] = first;
                arcs[1] = (uint)second;
                count = 2;
            }
            else
            {
                arcs[count++] = (uint)value;
            }
            value = 0;
        }
        return count;
    }

    /// <summary>Octets needed to encode <paramref name="arcs"/>.</summary>
    public static int GetEncodedLength(ReadOnlySpan<uint> arcs)
    {
        CheckArcs(arcs);
        int length = SubidentifierLength(40UL * arcs[0] + arcs[1]);
        for (int i = 2; i < arcs.Length; i++)
        {
            length += SubidentifierLength(arcs[i]);
        }
        return length;
    }

    /// <summary>Encodes <paramref name="arcs"/> into <paramref name="destination"/>; returns the count written.</summary>
    public static int Encode(ReadOnlySpan<uint> arcs, Span<byte> destination)
    {
        CheckArcs(arcs);
        int written = WriteSubidentifier(40UL * arcs[0] + arcs[1], destination);
        for (int i = 2; i < arcs.Length; i++)
        {
            written += WriteSubidentifier(arcs[i], destination[written..]);
        }
        return written;
    }

    /// <summary>Dotted text of well-formed <paramref name="contents"/>, e.g. <c>2.16.756.5.8.1.1</c>.</summary>
    public static string ToString(ReadOnlySpan<byte> contents)
    {
        int arcCount = GetArcCount(contents);
        Span<uint> arcs = arcCount <= 64 ? stackalloc uint[64] : new uint[arcCount];
        int count = Decode(contents, arcs);
        var text = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text.Append('.');
            }
            text.Append(arcs[i].ToString(CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }

    private static void CheckArcs(ReadOnlySpan<uint> arcs)
    {
        if (arcs.Length < 2)
        {
            throw new ArgumentException("An OBJECT IDENTIFIER has at least two arcs.", nameof(arcs));
        }
        if (arcs[0] > 2 || (arcs[0] < 2 && arcs[1] > 39))
        {
            throw new ArgumentException("The first arc must be 0, 1 or 2, and the second below 40 unless the first is 2.", nameof(arcs));
        }
    }

    private static int SubidentifierLength(ulong value)
    {
        int length = 1;
        while ((value >>= 7) != 0)
        {
            length++;
        }
        return length;
    }

    private static int WriteSubidentifier(ulong value, Span<byte> destination)
    {
        int length = SubidentifierLength(value);
        for (int i = length - 1; i >= 0; i--)
        {
            destination[i] = (byte)((value & 0x7F) | (i == length - 1 ? 0UL : 0x80UL));
            value >>= 7;
        }
        return length;
    }
}
