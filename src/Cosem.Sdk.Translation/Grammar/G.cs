namespace Cosem.Sdk.Translation.Grammar;

/// <summary>Short constructors so the grammar files read like the ASN.1 they transcribe.</summary>
internal static class G
{
    public static GrammarNode Seq(params GrammarNode[] components) => new SequenceNode(components);

    public static GrammarNode Field(string name, GrammarNode value) => new FieldNode(name, value);

    public static GrammarNode Optional(string name, GrammarNode value) => new OptionalNode(name, value);

    public static GrammarNode Default(string name, GrammarNode value, string defaultValue) => new DefaultNode(name, value, defaultValue);

    /// <summary>SEQUENCE OF items that each name themselves (a CHOICE, Data).</summary>
    public static GrammarNode SeqOf(GrammarNode item) => new SequenceOfNode(item);

    /// <summary>SEQUENCE OF items each wrapped in an element named <paramref name="itemName"/>.</summary>
    public static GrammarNode SeqOf(string itemName, GrammarNode item) => new SequenceOfNode(new FieldNode(itemName, item));

    public static ChoiceNode Choice(string what, params Alternative[] alternatives) => new(what, alternatives);

    public static Alternative Alt(byte tag, string name, GrammarNode body) => new(tag, name, body);

    /// <summary>
    /// The alternative a typed enum member stands for: its value is the tag, its name (already the ASN.1 name in
    /// PascalCase) the element name, so the grammar and the typed APDUs agree by construction.
    /// </summary>
    public static Alternative Alt<TEnum>(TEnum member, GrammarNode body)
        where TEnum : struct, Enum => new(checked((byte)EnumIdentifiers<TEnum>.ValueOf(member)), member.ToString(), body);

    public static GrammarNode Null => NullNode.Instance;

    public static GrammarNode Bool => BooleanNode.Instance;

    public static GrammarNode U8 { get; } = new UnsignedNode(1);

    public static GrammarNode U16 { get; } = new UnsignedNode(2);

    public static GrammarNode U32 { get; } = new UnsignedNode(4);

    public static GrammarNode I8 { get; } = new SignedNode(1);

    public static GrammarNode Octets { get; } = new OctetStringNode();

    public static GrammarNode DateTimeOctets { get; } = new OctetStringNode(isDateTime: true);

    public static GrammarNode Data => DataNode.Instance;

    /// <summary>ENUMERATED (one byte in A-XDR) with its value names (an <see cref="EnumeratedNames"/> table).</summary>
    public static GrammarNode Enum(IReadOnlyDictionary<long, string> names) =>
        new UnsignedNode(1, names.ToDictionary(n => (ulong)n.Key, n => n.Value));
}
