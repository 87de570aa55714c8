using System.Globalization;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Translation.Grammar;

namespace Cosem.Sdk.Translation.Ber;

/// <summary>
/// BIT STRING content: the count of unused bits in the last byte, then the bits. Shows UnusedBits, Value (hex)
/// and, where the ASN.1 names the bits (protocol-version, ACSE-requirements), the names of the set bits.
/// </summary>
internal sealed class BerBitStringNode(params string[] bitNames) : GrammarNode
{
    /// <summary>Names of the bits, first bit first.</summary>
    internal IReadOnlyList<string> BitNames => bitNames;

    public override void Decode(ref AxdrReader reader, PduElement target, DecodeContext context)
    {
        int at = reader.AbsolutePosition;
        var bytes = reader.ReadRemaining();
        if (bytes.Length == 0)
        {
            throw context.Error("A BIT STRING needs at least its unused-bits byte.", at);
        }
        target.Set("UnusedBits", bytes[0].ToString(CultureInfo.InvariantCulture));
        target.Set("Value", HexText.Format(bytes[1..]));
        if (bitNames.Length > 0)
        {
            var set = new List<string>();
            for (int i = 0; i < (bytes.Length - 1) * 8; i++)
            {
                if ((bytes[1 + i / 8] & (0x80 >> (i % 8))) != 0)
                {
                    set.Add(i < bitNames.Length ? bitNames[i] : $"bit{i}");
                }
            }
            target.Set("Bits", string.Join(' ', set));
        }
    }

    public override void Encode(ElementCursor cursor, PduWriter writer)
    {
        writer.WriteByte((byte)cursor.RequiredUnsigned("UnusedBits", 255));
        writer.WriteBytes(cursor.RequiredHex("Value"));
    }
}
