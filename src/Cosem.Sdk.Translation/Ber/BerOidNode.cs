using System.Globalization;
using System.Text;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Translation.Grammar;

namespace Cosem.Sdk.Translation.Ber;

/// <summary>
/// OBJECT IDENTIFIER content (X.690 §8.19): Value in dotted form with the DLMS name of known identifiers
/// (application context and mechanism names, IEC 62056-5-3 §7.3.7.1). Non-canonical content is kept in Raw.
/// </summary>
internal sealed class BerOidNode(IReadOnlyDictionary<string, string> names) : GrammarNode
{
    /// <summary>Names of the known object identifiers, by dotted form.</summary>
    internal IReadOnlyDictionary<string, string> Names => names;

    public override void Decode(ref AxdrReader reader, PduElement target, DecodeContext context)
    {
        var bytes = reader.ReadRemaining();
        string? dotted = TryFormat(bytes);
        if (dotted is null)
        {
            target.Set("Raw", HexText.Format(bytes));
            return;
        }
        target.Set("Value", dotted);
        if (names.TryGetValue(dotted, out var name))
        {
            target.Set("Name", name);
        }
        if (!TryEncode(dotted, out var canonical) || !bytes.SequenceEqual(canonical))
        {
            target.Set("Raw", HexText.Format(bytes));
        }
    }

    public override void Encode(ElementCursor cursor, PduWriter writer)
    {
        // Raw keeps a non-canonical encoding; it is used while it still says what Value says, so edits win.
        if (cursor.Attribute("Raw") is { } raw)
        {
            byte[] held = cursor.ParseHex("Raw", raw);
            if (cursor.Attribute("Value") is not { } shown || TryFormat(held) == shown.Trim())
            {
                writer.WriteBytes(held);
                return;
            }
        }
        string? dotted = cursor.Attribute("Value");
        if (dotted is null && cursor.Attribute("Name") is { } name)
        {
            dotted = names.FirstOrDefault(pair => string.Equals(pair.Value, name, StringComparison.OrdinalIgnoreCase)).Key;
        }
        if (dotted is null || !TryEncode(dotted, out var bytes))
        {
            throw cursor.Error($"\"{dotted ?? cursor.Attribute("Name")}\" is not an object identifier such as 2.16.756.5.8.1.1.");
        }
        writer.WriteBytes(bytes);
    }

    private static string? TryFormat(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0 || (bytes[^1] & 0x80) != 0)
        {
            return null;
        }
        var text = new StringBuilder();
        ulong arc = 0;
        bool first = true;
        foreach (byte b in bytes)
        {
            if (arc > ulong.MaxValue >> 7)
            {
                return null;
            }
            arc = (arc << 7) | (uint)(b & 0x7F);
            if ((b & 0x80) != 0)
            {
                continue;
            }
            if (first)
            {
                ulong top = arc < 40 ? 0UL : arc < 80 ? 1UL : 2UL;
                text.Append(top.ToString(CultureInfo.InvariantCulture)).Append('.').Append((arc - top * 40).ToString(CultureInfo.InvariantCulture));
                first = false;
            }
            else
            {
                text.Append('.').Append(arc.ToString(CultureInfo.InvariantCulture));
            }
            arc = 0;
        }
        return text.ToString();
    }

    private static bool TryEncode(string dotted, out byte[] bytes)
    {
        bytes = [];
        string[] parts = dotted.Trim().Split('.');
        var arcs = new ulong[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!ulong.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out arcs[i]))
            {
                return false;
            }
        }
        if (arcs.Length < 2 || arcs[0] > 2 || (arcs[0] < 2 && arcs[1] >= 40) || arcs[1] > ulong.MaxValue - 80)
        {
            return false;
        }
        var output = new List<byte>();
        AppendArc(output, arcs[0] * 40 + arcs[1]);
        for (int i = 2; i < arcs.Length; i++)
        {
            AppendArc(output, arcs[i]);
        }
        bytes = [.. output];
        return true;
    }

    private static void AppendArc(List<byte> output, ulong arc)
    {
        Span<byte> groups = stackalloc byte[10];
        int count = 0;
        do
        {
            groups[count++] = (byte)(arc & 0x7F);
            arc >>= 7;
        }
        while (arc != 0);
        for (int i = count - 1; i >= 0; i--)
        {
            output.Add((byte)(groups[i] | (i > 0 ? 0x80 : 0)));
        }
    }
}
