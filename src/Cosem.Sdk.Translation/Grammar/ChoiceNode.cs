using Cosem.Sdk.Axdr;

namespace Cosem.Sdk.Translation.Grammar;

/// <summary>
/// CHOICE with a one-byte tag (A-XDR encodes the context tag of the chosen alternative as one byte). The
/// chosen alternative becomes a child element named after it.
/// </summary>
internal sealed class ChoiceNode : GrammarNode
{
    /// <summary>The alternatives in tag order (what grammar exporters such as the Wireshark dissector walk).</summary>
    internal IEnumerable<Alternative> Alternatives => _byTag.OfType<Alternative>();

    private readonly Alternative?[] _byTag = new Alternative?[256];
    private readonly Dictionary<string, Alternative> _byName = new(StringComparer.Ordinal);

    public ChoiceNode(string what, params Alternative[] alternatives)
    {
        What = what;
        foreach (var alternative in alternatives)
        {
            _byTag[alternative.Tag] = alternative;
            _byName.Add(alternative.Name, alternative);
        }
    }

    /// <summary>What is chosen, for messages ("APDU tag", "Get-Data-Result").</summary>
    public string What { get; }

    public override void Decode(ref AxdrReader reader, PduElement target, DecodeContext context)
    {
        int at = reader.AbsolutePosition;
        byte tag = reader.ReadRawByte(context.Path);
        var alternative = _byTag[tag] ?? throw context.Error($"Unknown {What} tag {tag} (0x{tag:X2}).", at);
        context.Enter(alternative.Name, at);
        var element = target.Add(alternative.Name);
        alternative.Body.Decode(ref reader, element, context);
        context.Leave();
    }

    public override void Encode(ElementCursor cursor, PduWriter writer)
    {
        var child = cursor.TakeAny(What);
        if (!_byName.TryGetValue(child.Element.Name, out var alternative))
        {
            throw child.Error($"<{child.Element.Name}> is not a {What}; expected one of: {string.Join(", ", _byName.Keys)}.");
        }
        writer.WriteByte(alternative.Tag);
        alternative.Body.Encode(child, writer);
        child.EnsureConsumed();
    }
}
