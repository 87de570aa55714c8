using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Translation.Grammar;

/// <summary>
/// OCTET STRING with an A-XDR length: Value in hex. Where the ASN.1 says the string is a COSEM date-time,
/// a readable DateTime attribute is added beside the exact bytes.
/// </summary>
internal sealed class OctetStringNode(bool isDateTime = false) : GrammarNode
{
    /// <summary>Whether the octets are a COSEM date-time.</summary>
    internal bool IsDateTime => isDateTime;

    public override void Decode(ref AxdrReader reader, PduElement target, DecodeContext context)
    {
        int length = Length.Decode(ref reader, target, context);
        var bytes = reader.ReadRawBytes(length, context.Path);
        target.Set("Value", HexText.Format(bytes));
        if (isDateTime && CosemDateTimeText.FormatDateTime(bytes) is { } text)
        {
            target.Set("DateTime", text);
        }
    }

    public override void Encode(ElementCursor cursor, PduWriter writer)
    {
        byte[] bytes = cursor.RequiredHex("Value");
        Length.Encode(writer, bytes.Length, cursor);
        writer.WriteBytes(bytes);
    }
}
