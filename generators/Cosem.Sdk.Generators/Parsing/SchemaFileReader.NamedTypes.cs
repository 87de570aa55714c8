using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using System;
using Cosem.Sdk.Generators.Helpers;
using Cosem.Sdk.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Cosem.Sdk.Generators.Parsing;

// <types> files and the <enum>, <flags> and <structure> elements a class file may also hold.
internal sealed partial class SchemaFileReader
{
    /// <summary>Reads a &lt;types&gt; root: every &lt;enum&gt;, &lt;flags&gt; and &lt;structure&gt; goes to <paramref name="types"/>.</summary>
    public void ReadTypes(XElement root, List<NamedTypeSpec> types)
    {
        string? ns = Namespace(root);
        foreach (var child in SchemaChildren(root))
        {
            if (child.Name.LocalName != "summary" && !TryReadNamedType(child, ns, types))
            {
                Report(DiagnosticDescriptors.UnknownElement, child, child.Name.LocalName, root.Name.LocalName);
            }
        }
    }

    private bool TryReadNamedType(XElement element, string? ns, List<NamedTypeSpec> types)
    {
        NamedTypeSpec? spec;
        switch (element.Name.LocalName)
        {
            case "enum":
                spec = ReadEnum(element, ns, NamedTypeKind.Enum);
                break;
            case "flags":
                spec = ReadEnum(element, ns, NamedTypeKind.Flags);
                break;
            case "structure":
                spec = ReadStructure(element, ns);
                break;
            default:
                return false;
        }
        if (spec is not null)
        {
            types.Add(spec);
        }
        return true;
    }

    private NamedTypeSpec? ReadEnum(XElement element, string? ns, NamedTypeKind kind)
    {
        string? name = Identifier(element, "name", required: true);
        var defaultEncoding = kind == NamedTypeKind.Enum ? AxdrKind.Enum : AxdrKind.Unsigned;
        var encoding = defaultEncoding;
        if (element.Attribute("type") is { } typeAttribute)
        {
            if (!SchemaVocabulary.BuiltIns.TryGetValue(typeAttribute.Value, out encoding) || !IsEnumEncoding(encoding, kind))
            {
                Report(DiagnosticDescriptors.InvalidTypeUsage, typeAttribute,
                    "<" + element.Name.LocalName + " type=\"" + typeAttribute.Value + "\"> must be encoded as "
                    + (kind == NamedTypeKind.Enum ? "enum or an integer type" : "an unsigned integer type or bit-string"));
                encoding = defaultEncoding;
            }
        }

        string itemElement = kind == NamedTypeKind.Enum ? "value" : "bit";
        var members = new List<EnumMemberSpec>();
        var values = new HashSet<long>();
        var memberNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var child in SchemaChildren(element))
        {
            if (child.Name.LocalName == "summary")
            {
                continue;
            }
            if (child.Name.LocalName != itemElement)
            {
                Report(DiagnosticDescriptors.UnknownElement, child, child.Name.LocalName, element.Name.LocalName);
                continue;
            }
            long max = kind == NamedTypeKind.Flags ? 63 : SchemaIntegers.MaxOf(encoding);
            long min = kind == NamedTypeKind.Flags ? 0 : SchemaIntegers.MinOf(encoding);
            long? n = Long(child, "n", min, max);
            string? itemName = Required(child, "name");
            string? member = Member(child, itemName);
            if (n is null || itemName is null || member is null)
            {
                continue;
            }
            if (!values.Add(n.Value))
            {
                Report(DiagnosticDescriptors.DuplicateValue, child, name ?? "(unnamed)", kind == NamedTypeKind.Enum ? "value" : "bit",
                    n.Value.ToString(CultureInfo.InvariantCulture));
                continue;
            }
            if (!memberNames.Add(member))
            {
                Report(DiagnosticDescriptors.NameCollision, child, itemName, name ?? "(unnamed)", member, "another " + itemElement);
                continue;
            }
            members.Add(new EnumMemberSpec(n.Value, itemName, member, SummaryOf(child), Locate(child)));
        }
        if (name is null)
        {
            return null;
        }
        string? clrType = (string?)element.Attribute("clr-type");
        if (clrType is not null && !Naming.IsValidNamespace(clrType))
        {
            Report(DiagnosticDescriptors.InvalidIdentifier, element.Attribute("clr-type")!, clrType);
            clrType = null;
        }
        // first-bit="high": bit n of the bit-string is 1 << (size - 1 - n) of the value (only for bit-string flags).
        bool firstBitHigh = (string?)element.Attribute("first-bit") == "high";
        if (firstBitHigh && (kind != NamedTypeKind.Flags || encoding != AxdrKind.BitString))
        {
            Report(DiagnosticDescriptors.InvalidTypeUsage, element.Attribute("first-bit")!, "first-bit is supported on bit-string flags only");
            firstBitHigh = false;
        }
        return new NamedTypeSpec(name, kind, ns, clrType, encoding, members.OrderBy(m => m.Value).ToEquatableArray(),
            EquatableArray<FieldSpec>.Empty, SummaryOf(element), Locate(element), firstBitHigh);
    }

    private NamedTypeSpec? ReadStructure(XElement element, string? ns)
    {
        string? name = Identifier(element, "name", required: true);
        var fields = new List<FieldSpec>();
        var memberNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var child in SchemaChildren(element))
        {
            if (child.Name.LocalName == "summary")
            {
                continue;
            }
            if (child.Name.LocalName != "field")
            {
                Report(DiagnosticDescriptors.UnknownElement, child, child.Name.LocalName, element.Name.LocalName);
                continue;
            }
            string? fieldName = Required(child, "name");
            var type = ReadTypeRef(child, "type", "of", "enum", "flags", "size", required: true);
            string? member = Member(child, fieldName);
            if (fieldName is null || type is null || member is null)
            {
                continue;
            }
            if (!memberNames.Add(member) || member == name || member is "Decode" or "Encode")
            {
                Report(DiagnosticDescriptors.NameCollision, child, fieldName, name ?? "(unnamed)", member,
                    member == name ? "the structure name" : member is "Decode" or "Encode" ? "the generated codec method" : "another field");
                continue;
            }
            fields.Add(new FieldSpec(fieldName, member, type, SummaryOf(child), Locate(child)));
        }
        if (name is null)
        {
            return null;
        }
        if (fields.Count == 0)
        {
            Report(DiagnosticDescriptors.InvalidTypeUsage, element, "Structure '" + name + "' needs at least one <field>");
            return null;
        }
        if (element.Attribute("clr-type") is { } clrTypeAttribute)
        {
            Report(DiagnosticDescriptors.InvalidTypeUsage, clrTypeAttribute, "clr-type is supported on <enum> and <flags> only");
        }
        return new NamedTypeSpec(name, NamedTypeKind.Structure, ns, null, AxdrKind.Named, EquatableArray<EnumMemberSpec>.Empty,
            fields.ToEquatableArray(), SummaryOf(element), Locate(element));
    }

    private static bool IsEnumEncoding(AxdrKind encoding, NamedTypeKind kind) => kind == NamedTypeKind.Enum
        ? encoding is AxdrKind.Enum or AxdrKind.Integer or AxdrKind.Long or AxdrKind.DoubleLong or AxdrKind.Long64
            or AxdrKind.Unsigned or AxdrKind.LongUnsigned or AxdrKind.DoubleLongUnsigned or AxdrKind.Long64Unsigned
        : encoding is AxdrKind.Enum or AxdrKind.Unsigned or AxdrKind.LongUnsigned or AxdrKind.DoubleLongUnsigned or AxdrKind.Long64Unsigned
            or AxdrKind.BitString;
}
