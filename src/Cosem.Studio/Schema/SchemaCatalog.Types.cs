using System.Xml.Linq;
using Cosem.Sdk.Axdr;

namespace Cosem.Studio.Schema;

// Named types (structures, enumerations, flags) of every schema file, resolved into SchemaType trees for the editors.
// Names are global across the schema files, as the generator treats them (a class may use a structure of the shared
// types file or of another class's file).
public sealed partial class SchemaCatalog
{
    // The built-in words of type="…" (schema/cosem-schema.xsd): their A-XDR type and how an octet-string reads.
    private static readonly Dictionary<string, (DataType Encoding, string? Format)> BuiltIns = new(StringComparer.Ordinal)
    {
        ["null-data"] = (DataType.NullData, null),
        ["boolean"] = (DataType.Boolean, null),
        ["integer"] = (DataType.Integer, null),
        ["long"] = (DataType.Long, null),
        ["double-long"] = (DataType.DoubleLong, null),
        ["long64"] = (DataType.Long64, null),
        ["unsigned"] = (DataType.Unsigned, null),
        ["long-unsigned"] = (DataType.LongUnsigned, null),
        ["double-long-unsigned"] = (DataType.DoubleLongUnsigned, null),
        ["long64-unsigned"] = (DataType.Long64Unsigned, null),
        ["enum"] = (DataType.Enum, null),
        ["float32"] = (DataType.Float32, null),
        ["float64"] = (DataType.Float64, null),
        ["octet-string"] = (DataType.OctetString, null),
        ["visible-string"] = (DataType.VisibleString, null),
        ["utf8-string"] = (DataType.Utf8String, null),
        ["bit-string"] = (DataType.BitString, null),
        ["bcd"] = (DataType.Bcd, null),
        ["date-time"] = (DataType.OctetString, "date-time"),
        ["date"] = (DataType.OctetString, "date"),
        ["time"] = (DataType.OctetString, "time"),
        ["obis"] = (DataType.OctetString, "obis"),
        ["data"] = (DataType.DontCare, null),
    };

    // A structure or array nested deeper than this is taken as a loop in a user's schema and edited as A-XDR.
    private const int MaxTypeDepth = 16;

    private readonly Dictionary<string, IReadOnlyList<FieldReference>> _structures = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (NamedValues Names, DataType Encoding)> _enums = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (NamedValues Names, DataType Encoding)> _flags = new(StringComparer.Ordinal);

    /// <summary>
    /// The declared type of an attribute or of a method's parameter, resolved through the named types; null when the
    /// schema gives no type. A name no schema defines resolves to an opaque type, edited as hex A-XDR.
    /// </summary>
    public SchemaType? TypeOf(MemberSchema? member) => member?.Type is { } type
        ? Resolve(new TypeReference(type, member.Of, member.EnumName, member.FlagsName), 0)
        : null;

    /// <summary>The named structure, enumeration or flags type <paramref name="name"/>, or null when no schema defines it.</summary>
    public SchemaType? NamedType(string name) =>
        _structures.ContainsKey(name) || _enums.ContainsKey(name) || _flags.ContainsKey(name) ? Resolve(new TypeReference(name, null, null, null), 0) : null;

    private SchemaType Resolve(TypeReference reference, int depth)
    {
        if (depth > MaxTypeDepth)
        {
            return new SchemaType(reference.Type, DataType.DontCare);
        }
        if (reference.Type == "array")
        {
            var item = Resolve(reference with { Type = reference.Of ?? "data", Of = null }, depth + 1);
            return new SchemaType($"array of {item.Name}", DataType.Array, Item: item);
        }
        if (BuiltIns.TryGetValue(reference.Type, out var builtIn))
        {
            var names = reference.Enum is { } e && _enums.TryGetValue(e, out var values) ? values.Names
                : reference.Flags is { } f && _flags.TryGetValue(f, out var bits) ? bits.Names : null;
            return new SchemaType(reference.Type, builtIn.Encoding, builtIn.Format, names);
        }
        if (_structures.TryGetValue(reference.Type, out var fields))
        {
            return new SchemaType(reference.Type, DataType.Structure,
                Fields: [.. fields.Select(f => new SchemaField(f.Name, Resolve(f.Type, depth + 1)))]);
        }
        if (_enums.TryGetValue(reference.Type, out var enumeration))
        {
            return new SchemaType(reference.Type, enumeration.Encoding, Names: enumeration.Names);
        }
        if (_flags.TryGetValue(reference.Type, out var flags))
        {
            return new SchemaType(reference.Type, flags.Encoding, Names: flags.Names);
        }
        return new SchemaType(reference.Type, DataType.DontCare);
    }

    // Every <structure>, <enum> and <flags> of a document, whatever its root (<types> or <interface-class>).
    private void AddNamedTypes(XElement root)
    {
        foreach (var structure in root.Elements(Ns + "structure"))
        {
            _structures[(string)structure.Attribute("name")!] = [.. structure.Elements(Ns + "field").Select(f => new FieldReference(
                (string)f.Attribute("name")!,
                new TypeReference((string?)f.Attribute("type") ?? "data", (string?)f.Attribute("of"), (string?)f.Attribute("enum"), (string?)f.Attribute("flags"))))];
        }
        foreach (var (element, table, defaultEncoding) in new[] { ("enum", _enums, DataType.Enum), ("flags", _flags, DataType.Unsigned) })
        {
            foreach (var type in root.Elements(Ns + element))
            {
                var name = (string)type.Attribute("name")!;
                var encoding = (string?)type.Attribute("type") is { } word && BuiltIns.TryGetValue(word, out var known) ? known.Encoding : defaultEncoding;
                table[name] = (new NamedValues(name, [.. type.Elements(Ns + (element == "enum" ? "value" : "bit"))
                    .Select(v => new KeyValuePair<long, string>((long)v.Attribute("n")!, (string)v.Attribute("name")!))]), encoding);
            }
        }
    }

    private sealed record TypeReference(string Type, string? Of, string? Enum, string? Flags);

    private sealed record FieldReference(string Name, TypeReference Type);
}
