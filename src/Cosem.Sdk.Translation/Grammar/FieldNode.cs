using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Translation.Grammar;

/// <summary>A named component of a SEQUENCE: becomes one child element holding the component's value.</summary>
internal sealed class FieldNode(string name, GrammarNode value) : GrammarNode
{
    public string Name { get; } = name;

    public GrammarNode Value { get; } = value;

    public override void Decode(ref AxdrReader reader, PduElement target, DecodeContext context)
    {
        context.Enter(Name, reader.AbsolutePosition);
        var element = target.Add(Name);
        Value.Decode(ref reader, element, context);
        context.Leave();
    }

    public override void Encode(ElementCursor cursor, PduWriter writer)
    {
        var child = cursor.Take(Name);
        Value.Encode(child, writer);
        child.EnsureConsumed();
    }
}
