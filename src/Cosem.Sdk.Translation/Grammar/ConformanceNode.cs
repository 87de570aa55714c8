using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Translation.Grammar;

/// <summary>
/// Conformance ::= [APPLICATION 31] IMPLICIT BIT STRING (SIZE(24)), BER-encoded even inside A-XDR:
/// 5F 1F 04 00 and three bytes (IEC 62056-5-3 §8 "Conformance"). Shown as Value (hex) and the names of the set bits.
/// </summary>
internal sealed class ConformanceNode : GrammarNode
{
    /// <summary>Names of the conformance bits, bit 0 first.</summary>
    internal IReadOnlyList<string> ServiceNames => BitNames;

    public static ConformanceNode Instance { get; } = new();

    // Bit 0 is the most significant bit of the first byte (IEC 62056-5-3, conformance block).
    private static readonly string[] BitNames =
    [
        "reserved-zero", "general-protection", "general-block-transfer", "read", "write", "unconfirmed-write",
        "delta-value-encoding", "reserved-seven", "attribute0-supported-with-set", "priority-mgmt-supported",
        "attribute0-supported-with-get", "block-transfer-with-get-or-read", "block-transfer-with-set-or-write",
        "block-transfer-with-action", "multiple-references", "information-report", "data-notification", "access",
        "parameterized-access", "get", "set", "selective-access", "event-notification", "action",
    ];

    public override void Decode(ref AxdrReader reader, PduElement target, DecodeContext context)
    {
        int at = reader.AbsolutePosition;
        var header = reader.ReadRawBytes(4, context.Path);
        if (header[0] != 0x5F || header[1] != 0x1F || header[2] != 0x04)
        {
            throw context.Error($"Expected the conformance block header 5F1F04 but found {HexText.Format(header[..3])}.", at);
        }
        if (header[3] != 0)
        {
            target.Set("UnusedBits", header[3].ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var bits = reader.ReadRawBytes(3, context.Path);
        target.Set("Value", HexText.Format(bits));
        target.Set("Services", Describe(bits));
    }

    public override void Encode(ElementCursor cursor, PduWriter writer)
    {
        byte[] bits = cursor.Attribute("Value") is { } text ? cursor.ParseHex("Value", text) : FromNames(cursor);
        if (bits.Length != 3)
        {
            throw cursor.Error("The conformance Value is 3 bytes (6 hex digits).");
        }
        byte unused = cursor.Attribute("UnusedBits") is { } u ? (byte)cursor.ParseUnsigned("UnusedBits", u, 255) : (byte)0;
        writer.WriteBytes([0x5F, 0x1F, 0x04, unused]);
        writer.WriteBytes(bits);
    }

    private static string Describe(ReadOnlySpan<byte> bits)
    {
        var names = new List<string>();
        for (int i = 0; i < 24; i++)
        {
            if ((bits[i / 8] & (0x80 >> (i % 8))) != 0)
            {
                names.Add(BitNames[i]);
            }
        }
        return string.Join(' ', names);
    }

    private static byte[] FromNames(ElementCursor cursor)
    {
        byte[] bits = new byte[3];
        foreach (string name in cursor.Required("Services").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int index = Array.FindIndex(BitNames, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                throw cursor.Error($"\"{name}\" is not a conformance bit name.");
            }
            bits[index / 8] |= (byte)(0x80 >> (index % 8));
        }
        return bits;
    }
}
