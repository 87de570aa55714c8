using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Translation.Grammar;

/// <summary>SEQUENCE: the components one after the other, with no header in A-XDR.</summary>
internal sealed class SequenceNode(params GrammarNode[] components) : GrammarNode
{
    public IReadOnlyList<GrammarNode> Components { get; } = components;

    public override void Decode(ref AxdrReader reader, PduElement target, DecodeContext context)
    {
        foreach (var component in Components)
        {
            component.Decode(ref reader, target, context);
        }
    }

    public override void Encode(ElementCursor cursor, PduWriter writer)
    {
        foreach (var component in Components)
        {
            component.Encode(cursor, writer);
        }
    }
}
