using Cosem.Sdk.Axdr;
using Cosem.Sdk.Translation.Grammar;

namespace Cosem.Sdk.Translation.Ber;

/// <summary>
/// The body of an ACSE APDU after its [APPLICATION n] tag (ISO/IEC 8650-1, IEC 62056-5-3 §8): a length and a
/// series of tagged components, kept in the order they came. A component this grammar does not know is kept
/// as an UnknownField with its tag and content in hex, so nothing is lost.
/// </summary>
internal sealed class BerSequenceNode : GrammarNode
{
    /// <summary>The components in tag order.</summary>
    internal IEnumerable<BerField> Fields => _byName.Values;

    private const string UnknownField = "UnknownField";
    private readonly Dictionary<byte, BerField> _byTag = [];
    private readonly Dictionary<string, BerField> _byName = new(StringComparer.Ordinal);

    public BerSequenceNode(params BerField[] fields)
    {
        foreach (var field in fields)
        {
            _byTag.Add(field.Tag, field);
            _byName.Add(field.Name, field);
        }
    }

    public override void Decode(ref AxdrReader reader, PduElement target, DecodeContext context)
    {
        int length = Length.Decode(ref reader, target, context);
        int offset = reader.AbsolutePosition;
        var content = new AxdrReader(reader.ReadRawBytes(length, context.Path), offset);
        while (!content.IsAtEnd)
        {
            int at = content.AbsolutePosition;
            var tag = BerContent.ReadTag(ref content, context);
            if (tag.Length == 1 && _byTag.TryGetValue(tag[0], out var field))
            {
                context.Enter(field.Name, at);
                BerContent.Decode(ref content, field.Content, target.Add(field.Name), context);
                context.Leave();
            }
            else
            {
                var unknown = target.Add(UnknownField).Set("Tag", HexText.Format(tag));
                context.Enter(UnknownField, at);
                int size = Length.Decode(ref content, unknown, context);
                unknown.Set("Value", HexText.Format(content.ReadRawBytes(size, context.Path)));
                context.Leave();
            }
        }
    }

    public override void Encode(ElementCursor cursor, PduWriter writer)
    {
        var body = new PduWriter();
        while (cursor.HasMore)
        {
            var child = cursor.TakeAny("component");
            if (child.Element.Name == UnknownField)
            {
                byte[] tag = child.RequiredHex("Tag");
                BerContent.CheckOtherTag(tag, tag.Length == 1 && _byTag.ContainsKey(tag[0]), child);
                body.WriteBytes(tag);
                byte[] value = child.RequiredHex("Value");
                Length.Encode(body, value.Length, child);
                body.WriteBytes(value);
            }
            else if (_byName.TryGetValue(child.Element.Name, out var field))
            {
                BerContent.Encode(body, [field.Tag], field.Content, child);
            }
            else
            {
                throw child.Error($"<{child.Element.Name}> is not a component here; expected one of: {string.Join(", ", _byName.Keys)}, {UnknownField}.");
            }
            child.EnsureConsumed();
        }
        Length.Encode(writer, body.Length, cursor);
        writer.WriteBytes(body.WrittenSpan);
    }
}
