using System.Globalization;
using Cosem.Sdk.Apdu.Translation.Grammar;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Apdu.Translation.Ber;

/// <summary>
/// INTEGER content (two's complement, big-endian), with the names of an enumerated meaning where the ASN.1
/// gives them. Content that is not the shortest form (or too long for 64 bits) is kept in Raw.
/// </summary>
internal sealed class BerIntegerNode(IReadOnlyDictionary<long, string>? names = null) : GrammarNode
{
    public override void Decode(ref AxdrReader reader, PduElement target, DecodeContext context)
    {
        var bytes = reader.ReadRemaining();
        if (bytes.Length is 0 or > 8)
        {
            target.Set("Raw", HexText.Format(bytes));
            return;
        }
        long value = (sbyte)bytes[0];
        foreach (byte b in bytes[1..])
        {
            value = (value << 8) | b;
        }
        target.Set("Value", value.ToString(CultureInfo.InvariantCulture));
        if (names is not null)
        {
            target.Set("Name", names.TryGetValue(value, out var name) ? name : "reserved");
        }
        if (!bytes.SequenceEqual(Minimal(value)))
        {
            target.Set("Raw", HexText.Format(bytes));
        }
    }

    public override void Encode(ElementCursor cursor, PduWriter writer)
    {
        if (cursor.Attribute("Raw") is { } raw)
        {
            writer.WriteBytes(cursor.ParseHex("Raw", raw));
            return;
        }
        if (cursor.Attribute("Value") is null && names is not null && cursor.Attribute("Name") is { } name)
        {
            var match = names.FirstOrDefault(pair => string.Equals(pair.Value, name, StringComparison.OrdinalIgnoreCase));
            writer.WriteBytes(match.Value is null ? throw cursor.Error($"Name=\"{name}\" is not one of: {string.Join(", ", names.Values)}.") : Minimal(match.Key));
            return;
        }
        writer.WriteBytes(Minimal(cursor.RequiredSigned("Value", long.MinValue, long.MaxValue)));
    }

    /// <summary>The shortest two's-complement bytes of <paramref name="value"/> (X.690 §8.3.2).</summary>
    private static byte[] Minimal(long value)
    {
        int size = 8;
        while (size > 1)
        {
            long top = value >> (8 * (size - 1) - 1);
            if (top is not (0 or -1))
            {
                break;
            }
            size--;
        }
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++)
        {
            bytes[i] = (byte)(value >> (8 * (size - 1 - i)));
        }
        return bytes;
    }
}
