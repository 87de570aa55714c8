using System.Text;
using Cosem.Sdk.Translation;
using Cosem.Sdk.Translation.Ber;
using Cosem.Sdk.Translation.Grammar;

namespace Cosem.Cli.Wireshark;

/// <summary>
/// Compiles the translator's APDU grammar (<see cref="XdlmsGrammar.Apdu"/>, xDLMS and ACSE) into Lua decoders, one
/// function per grammar node, so the dissector decodes exactly the productions the translator knows. Each function
/// is <c>N[i](tvb, off, lim, tree, ctx, label)</c> and returns the offset after what it read; the leaf decoders
/// (integers, A-XDR Data, BER values, ciphered content) are the runtime's <c>R.*</c> functions. Tables in <c>K</c>
/// name nodes by their index in <c>N</c>, looked up when called, so the order of definition does not matter.
/// </summary>
internal sealed class LuaGrammarWriter
{
    private readonly Dictionary<GrammarNode, int> _ids = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<object, int> _tables = new(ReferenceEqualityComparer.Instance);
    private readonly List<string> _functions = [];
    private readonly StringBuilder _constants = new();
    private readonly SortedSet<string> _fieldNames = new(StringComparer.Ordinal);

    /// <summary>Writes <c>FIELD_NAMES</c> (every name the grammar labels a value with, for the ProtoFields), the
    /// constant tables, the node functions and <c>APDU</c>, the entry point.</summary>
    public static void Write(StringBuilder lua)
    {
        var writer = new LuaGrammarWriter();
        int root = writer.Node(XdlmsGrammar.Apdu);
        lua.AppendLine("-- Generated from the translator's grammar (Cosem.Sdk.Translation XdlmsGrammar and AcseGrammar).");
        lua.Append("local FIELD_NAMES = {");
        foreach (string name in writer._fieldNames)
        {
            lua.Append(' ').Append(LuaText.Quote(name)).Append(',');
        }
        lua.AppendLine(" }");
        lua.AppendLine("local K = {}");
        lua.Append(writer._constants);
        for (int i = 0; i < writer._functions.Count; i++)
        {
            lua.Append("N[").Append(i + 1).Append("] = ").AppendLine(writer._functions[i]);
        }
        lua.Append("local APDU = N[").Append(root).AppendLine("]");
        lua.AppendLine();
    }

    private int Node(GrammarNode node)
    {
        if (node is DeferredNode deferred)
        {
            node = deferred.Resolved;
        }
        if (_ids.TryGetValue(node, out int id))
        {
            return id;
        }
        _functions.Add("");
        id = _functions.Count;
        _ids.Add(node, id);
        _functions[id - 1] = Function(node);
        return id;
    }

    private string Function(GrammarNode node) => node switch
    {
        FieldNode field => Call(field.Value, Label(field.Name)),
        OptionalNode optional => $"function(tvb, off, lim, tree, ctx) return R.optional(tvb, off, lim, tree, ctx, {Label(optional.Field.Name)}, N[{Node(optional.Field.Value)}]) end",
        DefaultNode @default => $"function(tvb, off, lim, tree, ctx) return R.default(tvb, off, lim, tree, ctx, {Label(@default.Field.Name)}, N[{Node(@default.Field.Value)}], {LuaText.Quote(@default.DefaultValue)}) end",
        SequenceNode sequence => Sequence(sequence),
        SequenceOfNode sequenceOf => $"function(tvb, off, lim, tree, ctx, label) return R.sequence_of(tvb, off, lim, tree, ctx, label, N[{Node(sequenceOf.Item)}]) end",
        ChoiceNode choice => Choice(choice),
        UnsignedNode unsigned => $"function(tvb, off, lim, tree, ctx, label) return R.uint(tvb, off, lim, tree, ctx, label, {unsigned.Size}, {Names(unsigned.Names, n => (long)n.Key, n => n.Value)}, {Bool(unsigned.IsHex)}) end",
        SignedNode signed => $"function(tvb, off, lim, tree, ctx, label) return R.int(tvb, off, lim, tree, ctx, label, {signed.Size}) end",
        FlagsNode flags => $"function(tvb, off, lim, tree, ctx, label) return R.flags(tvb, off, lim, tree, ctx, label, {flags.Size}, {BitFields(flags)}) end",
        BooleanNode => Leaf("boolean"),
        NullNode => Leaf("null"),
        OctetStringNode octets => Leaf(octets.IsDateTime ? "date_time_octets" : "octets"),
        ObisNode => Leaf("obis"),
        ClassIdNode => Leaf("class_id"),
        ConformanceNode conformance => $"function(tvb, off, lim, tree, ctx, label) return R.conformance(tvb, off, lim, tree, ctx, label, {List(conformance.ServiceNames)}) end",
        DataNode => Leaf("data"),
        CipheredContentNode => Leaf("ciphered"),
        BerSequenceNode sequence => $"function(tvb, off, lim, tree, ctx, label) return R.ber_sequence(tvb, off, lim, tree, ctx, label, {BerFields(sequence.Fields)}) end",
        BerChoiceNode choice => $"function(tvb, off, lim, tree, ctx, label) return R.ber_choice(tvb, off, lim, tree, ctx, label, {BerFields(choice.Alternatives)}) end",
        BerExplicitNode @explicit => $"function(tvb, off, lim, tree, ctx, label) return R.ber_explicit(tvb, off, lim, tree, ctx, label, {@explicit.InnerTag}, N[{Node(@explicit.Inner)}]) end",
        BerIntegerNode integer => $"function(tvb, off, lim, tree, ctx, label) return R.ber_integer(tvb, off, lim, tree, ctx, label, {Names(integer.Names, n => n.Key, n => n.Value)}) end",
        BerOidNode oid => $"function(tvb, off, lim, tree, ctx, label) return R.ber_oid(tvb, off, lim, tree, ctx, label, {OidNames(oid.Names)}) end",
        BerBitStringNode bits => $"function(tvb, off, lim, tree, ctx, label) return R.ber_bit_string(tvb, off, lim, tree, ctx, label, {List(bits.BitNames)}) end",
        BerTextNode => Leaf("ber_text"),
        BerOctetsNode => Leaf("ber_octets"),
        _ => throw new InvalidOperationException(
            $"The dissector generator does not know the grammar node {node.GetType().Name}; teach src/Cosem.Cli/Wireshark/LuaGrammarWriter.cs (and the runtime) to decode it."),
    };

    // The runtime (R) is filled after the grammar is loaded, so leaves look their decoder up when called.
    private static string Leaf(string name) => $"function(tvb, off, lim, tree, ctx, label) return R.{name}(tvb, off, lim, tree, ctx, label) end";

    private string Call(GrammarNode value, string label) =>
        $"function(tvb, off, lim, tree, ctx) return N[{Node(value)}](tvb, off, lim, tree, ctx, {label}) end";

    private string Sequence(SequenceNode sequence)
    {
        var body = new StringBuilder("function(tvb, off, lim, tree, ctx, label)\n  local start = off\n  local sub = R.open(tree, tvb, off, label)\n");
        foreach (var component in sequence.Components)
        {
            body.Append("  off = N[").Append(Node(component)).Append("](tvb, off, lim, sub, ctx)\n");
        }
        return body.Append("  R.close(sub, tree, start, off)\n  return off\nend").ToString();
    }

    // Alternatives whose body is a sequence are shown flat under the alternative's name; a leaf body is labelled
    // with the alternative's name.
    private string Choice(ChoiceNode choice)
    {
        var alternatives = choice.Alternatives.ToList();
        var table = new StringBuilder("{");
        foreach (var alternative in alternatives)
        {
            _fieldNames.Add(alternative.Name);
            table.Append(" [").Append(alternative.Tag).Append("] = { ").Append(LuaText.Quote(alternative.Name)).Append(", ")
                .Append(Node(alternative.Body)).Append(", ").Append(Bool(alternative.Body is not SequenceNode)).Append(" },");
        }
        string constant = Constant(choice, table.Append(" }").ToString());
        return $"function(tvb, off, lim, tree, ctx, label) return R.choice(tvb, off, lim, tree, ctx, label, {LuaText.Quote(choice.What)}, {constant}) end";
    }

    private string BitFields(FlagsNode flags)
    {
        var table = new StringBuilder("{");
        foreach (var field in flags.Fields)
        {
            _fieldNames.Add(field.Name);
            table.Append(" { ").Append(LuaText.Quote(field.Name)).Append(", ").Append(field.Shift).Append(", ").Append(field.Width);
            if (field.WhenSet is not null)
            {
                table.Append(", ").Append(LuaText.Quote(field.WhenSet)).Append(", ").Append(LuaText.Quote(field.WhenClear ?? ""));
            }
            table.Append(" },");
        }
        return Constant(flags, table.Append(" }").ToString());
    }

    private string BerFields(IEnumerable<BerField> fields)
    {
        var table = new StringBuilder("{");
        foreach (var field in fields)
        {
            _fieldNames.Add(field.Name);
            table.Append(" [").Append(field.Tag).Append("] = { ").Append(LuaText.Quote(field.Name)).Append(", ").Append(Node(field.Content)).Append(" },");
        }
        return table.Append(" }").ToString();
    }

    private string Names<TPair>(IEnumerable<TPair>? names, Func<TPair, long> key, Func<TPair, string> value)
    {
        if (names is null)
        {
            return "nil";
        }
        var table = new StringBuilder("{");
        foreach (var pair in names.OrderBy(key))
        {
            table.Append(" [").Append(LuaText.Number(key(pair))).Append("] = ").Append(LuaText.Quote(value(pair))).Append(',');
        }
        return Constant(names, table.Append(" }").ToString());
    }

    private string OidNames(IReadOnlyDictionary<string, string> names)
    {
        var table = new StringBuilder("{");
        foreach (var pair in names.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            table.Append(" [").Append(LuaText.Quote(pair.Key)).Append("] = ").Append(LuaText.Quote(pair.Value)).Append(',');
        }
        return Constant(names, table.Append(" }").ToString());
    }

    private string List(IReadOnlyList<string> items) =>
        Constant(items, "{" + string.Concat(items.Select(i => " " + LuaText.Quote(i) + ",")) + " }");

    // Shared tables (names of DataAccessResult, ...) are written once, in K, in first-use order.
    private string Constant(object key, string table)
    {
        if (!_tables.TryGetValue(key, out int id))
        {
            id = _tables.Count + 1;
            _tables.Add(key, id);
            _constants.Append("K[").Append(id).Append("] = ").AppendLine(table);
        }
        return $"K[{id}]";
    }

    private string Label(string name)
    {
        _fieldNames.Add(name);
        return LuaText.Quote(name);
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
