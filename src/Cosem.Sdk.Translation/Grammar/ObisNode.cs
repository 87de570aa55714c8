using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;

namespace Cosem.Sdk.Translation.Grammar;

/// <summary>Cosem-Object-Instance-Id: six raw bytes, shown as the OBIS code A.B.C.D.E.F.</summary>
internal sealed class ObisNode : GrammarNode
{
    public static ObisNode Instance { get; } = new();

    public override void Decode(ref AxdrReader reader, PduElement target, DecodeContext context) =>
        target.Set("Value", reader.ReadRawObisCode(context.Path).ToString());

    public override void Encode(ElementCursor cursor, PduWriter writer)
    {
        Span<byte> bytes = stackalloc byte[ObisCode.Length];
        Parse(cursor, cursor.Required("Value")).CopyTo(bytes);
        writer.WriteBytes(bytes);
    }

    /// <summary>A.B.C.D.E.F, A-B:C.D.E*F or 12 hex digits.</summary>
    public static ObisCode Parse(ElementCursor cursor, string text)
    {
        if (ObisCode.TryParse(text, out var code))
        {
            return code;
        }
        if (HexText.TryParse(text, out var bytes) && bytes.Length == ObisCode.Length)
        {
            return new ObisCode(bytes);
        }
        throw cursor.Error($"\"{text}\" is not an OBIS code (A.B.C.D.E.F).");
    }
}
