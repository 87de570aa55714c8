using System.Globalization;
using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Translation.Grammar;

/// <summary>Fixed-size two's-complement integer (Integer8, Integer16), shown as a signed decimal Value.</summary>
internal sealed class SignedNode(int size) : GrammarNode
{
    /// <summary>The width in bytes.</summary>
    internal int Size => size;

    public override void Decode(ref AxdrReader reader, PduElement target, DecodeContext context)
    {
        long value = size == 1 ? (sbyte)reader.ReadRawByte(context.Path) : (short)reader.ReadRawUInt16(context.Path);
        target.Set("Value", value.ToString(CultureInfo.InvariantCulture));
    }

    public override void Encode(ElementCursor cursor, PduWriter writer)
    {
        if (size == 1)
        {
            writer.WriteByte((byte)(sbyte)cursor.RequiredSigned("Value", sbyte.MinValue, sbyte.MaxValue));
        }
        else
        {
            writer.WriteUInt16((ushort)(short)cursor.RequiredSigned("Value", short.MinValue, short.MaxValue));
        }
    }
}
