using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Translation.Grammar;

/// <summary>A node resolved on first use, for recursive productions (user-information holds an xDLMS APDU).</summary>
internal sealed class DeferredNode(Func<GrammarNode> resolve) : GrammarNode
{
    /// <summary>The node this one stands for, resolved on first use.</summary>
    internal GrammarNode Resolved => Target;

    private GrammarNode Target => field ??= resolve();

    public override void Decode(ref AxdrReader reader, PduElement target, DecodeContext context) => Target.Decode(ref reader, target, context);

    public override void Encode(ElementCursor cursor, PduWriter writer) => Target.Encode(cursor, writer);
}
