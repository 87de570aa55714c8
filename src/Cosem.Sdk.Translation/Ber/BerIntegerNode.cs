using System.Globalization;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Translation.Grammar;

namespace Cosem.Sdk.Translation.Ber;

/// <summary>
/// INTEGER content (two's complement, big-endian), with the names of an enumerated meaning where the ASN.1
/// gives them. Content that is not the shortest form (or too long for 64 bits) is kept in Raw.
/// </summary>
internal sealed class BerIntegerNode(IReadOnlyDictionary<long, string>? names = null) : GrammarNode
{
    /// <summary>Names of the values, for an enumerated INTEGER.</summary>
    internal IReadOnlyDictionary<long, string>? Names => names;

    public override void Decode(ref AxdrReader reader, PduElement target, DecodeContext context)
    {
        var bytes = reader.ReadRemaining();
        if (!TryRead(bytes, out long value))
        {
            target.Set("Raw", HexText.Format(bytes));
            return;
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
        // Raw keeps a non-minimal encoding; it is used while it still says what Value says, so edits win.
        if (cursor.Attribute("Raw") is { } raw)
        {
            byte[] bytes = cursor.ParseHex("Raw", raw);
            if (cursor.Attribute("Value") is not { } shown || (TryRead(bytes, out long held) && shown.Trim() == held.ToString(CultureInfo.InvariantCulture)))
            {
                writer.WriteBytes(bytes);
                return;
            }
        }
        if (cursor.Attribute("Value") is null && names is not null && cursor.Attribute("Name") is { } name)
        {
            var match = names.FirstOrDefault(pair => string.Equals(pair.Value, name, StringComparison.OrdinalIgnoreCase));
            writer.WriteBytes(match.Value is null ? throw cursor.Error($"Name=\"{name}\" is not one of: {string.Join(", ", names.Values)}.") : Minimal(match.Key));
            return;
        }
        writer.WriteBytes(Minimal(cursor.RequiredSigned("Value", long.MinValue, long.MaxValue)));
    }

    private static bool TryRead(ReadOnlySpan<byte> bytes, out long value)
    {
        value = 0;
        if (bytes.Length is 0 or > 8)
        {
            return false;
        }
        value = (sbyte)bytes[0];
        foreach (byte b in bytes[1..])
        {
            value = (value << 8) | b;
        }
        return true;
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
