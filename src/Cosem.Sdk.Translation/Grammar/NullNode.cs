using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Translation.Grammar;

/// <summary>NULL: no bytes; the element alone says the alternative was chosen.</summary>
internal sealed class NullNode : GrammarNode
{
    public static NullNode Instance { get; } = new();

    public override void Decode(ref AxdrReader reader, PduElement target, DecodeContext context)
    {
    }

    public override void Encode(ElementCursor cursor, PduWriter writer)
    {
    }
}
