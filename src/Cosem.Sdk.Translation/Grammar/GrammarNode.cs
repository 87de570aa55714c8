using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Translation.Grammar;

/// <summary>
/// One construct of the declarative APDU grammar (a SEQUENCE, a CHOICE, an Unsigned16, a Data value, …).
/// The same node reads bytes into a <see cref="PduElement"/> tree and writes the tree back to identical bytes.
/// </summary>
/// <remarks>
/// A node writes into the element it is given: value nodes set attributes on it, structural nodes add or
/// consume child elements. Naming is done by <see cref="FieldNode"/> and the alternatives of a
/// <see cref="ChoiceNode"/>, which create the child elements.
/// </remarks>
internal abstract class GrammarNode
{
    /// <summary>Reads this construct at the reader's position and records it in <paramref name="target"/>.</summary>
    public abstract void Decode(ref AxdrReader reader, PduElement target, DecodeContext context);

    /// <summary>Writes this construct from the element under <paramref name="cursor"/>.</summary>
    public abstract void Encode(ElementCursor cursor, PduWriter writer);
}
