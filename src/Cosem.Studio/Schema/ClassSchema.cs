namespace Cosem.Studio.Schema;

/// <summary>What a schema file says about one interface class version: the names the editors show.</summary>
public sealed record ClassSchema(ushort ClassId, byte Version, string Name,
    IReadOnlyList<MemberSchema> Attributes, IReadOnlyList<MemberSchema> Methods,
    IReadOnlyDictionary<string, NamedValues> Enums, IReadOnlyDictionary<string, NamedValues> Flags)
{
    /// <summary>The attribute with <paramref name="index"/>, or null when the schema does not name it.</summary>
    public MemberSchema? Attribute(int index) => Attributes.FirstOrDefault(a => a.Index == index);

    /// <summary>The method with <paramref name="index"/>, or null when the schema does not name it.</summary>
    public MemberSchema? Method(int index) => Methods.FirstOrDefault(m => m.Index == index);

    /// <summary>The names of an enum-typed member's values, or null when it is not an enumeration of this class.</summary>
    public NamedValues? EnumOf(MemberSchema member) =>
        member.EnumName is { } name && Enums.TryGetValue(name, out var values) ? values : null;

    /// <summary>The names of a flags-typed member's bits, or null when it is not a bit-string of named flags.</summary>
    public NamedValues? FlagsOf(MemberSchema member) =>
        member.FlagsName is { } name && Flags.TryGetValue(name, out var bits) ? bits : null;
}

/// <summary>An attribute or a method: index, schema name, type (attribute) or parameter type (method), the
/// schema's default value text (methods: the parameter sent when none is given) and, for an array, its item type.</summary>
public sealed record MemberSchema(int Index, string Name, string? Type, string? EnumName, string? FlagsName, string? Access, string? Default = null,
    string? Of = null);

/// <summary>Numbered names: the values of an enumeration or the bits of a flags type.</summary>
public sealed record NamedValues(string Name, IReadOnlyList<KeyValuePair<long, string>> Values)
{
    /// <summary>The name of <paramref name="number"/>, or null when the schema does not name it.</summary>
    public string? NameOf(long number) => Values.FirstOrDefault(v => v.Key == number).Value;
}
