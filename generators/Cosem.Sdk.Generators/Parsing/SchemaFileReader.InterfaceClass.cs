using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using System;
using Cosem.Sdk.Generators.Helpers;
using Cosem.Sdk.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Cosem.Sdk.Generators.Parsing;

// <interface-class>: attributes, methods, their defaults and the checks that need the whole class (indexes, names).
internal sealed partial class SchemaFileReader
{
    /// <summary>Reads an &lt;interface-class&gt; root; named types declared inside it go to <paramref name="types"/>. Null when the class cannot be emitted.</summary>
    public InterfaceClassSpec? ReadInterfaceClass(XElement root, List<NamedTypeSpec> types)
    {
        string? name = Identifier(root, "name", required: true);
        string displayName = name ?? "(unnamed)";
        int classId = ClassNumber(root, "id", 0, 65535, DiagnosticDescriptors.InvalidClassId, displayName);
        int version = ClassNumber(root, "version", 0, 255, DiagnosticDescriptors.InvalidVersion, displayName);
        string? ns = Namespace(root);
        string? blueBook = (string?)root.Attribute("blue-book");
        bool replaces = Choice(root, "replaces", false, SchemaVocabulary.Replaces);
        string? summary = null;
        var attributes = new List<AttributeSpec>();
        var methods = new List<MethodSpec>();

        foreach (var child in SchemaChildren(root))
        {
            switch (child.Name.LocalName)
            {
                case "summary":
                    summary = Text(child);
                    break;
                case "attribute":
                    if (ReadAttribute(child) is { } attribute)
                    {
                        attributes.Add(attribute);
                    }
                    break;
                case "method":
                    if (ReadMethod(child) is { } method)
                    {
                        methods.Add(method);
                    }
                    break;
                default:
                    if (!TryReadNamedType(child, ns, types))
                    {
                        Report(DiagnosticDescriptors.UnknownElement, child, child.Name.LocalName, root.Name.LocalName);
                    }
                    break;
            }
        }

        CheckIndexes(attributes.Select(a => (a.Index, a.Location)), DiagnosticDescriptors.DuplicateAttributeIndex, displayName);
        CheckIndexes(methods.Select(m => (m.Index, m.Location)), DiagnosticDescriptors.DuplicateMethodIndex, displayName);
        CheckLogicalName(root, attributes, displayName);
        if (name is not null)
        {
            CheckMemberNames(name, attributes, methods);
        }

        if (name is null || classId < 0 || version < 0)
        {
            return null;
        }
        return new InterfaceClassSpec(
            name, classId, version, ns, blueBook, summary,
            attributes.OrderBy(a => a.Index).ToEquatableArray(),
            methods.OrderBy(m => m.Index).ToEquatableArray(),
            Locate(root),
            replaces);
    }

    private AttributeSpec? ReadAttribute(XElement element)
    {
        int? index = Integer(element, "index", required: true, min: -128, max: 127);
        string? name = Required(element, "name");
        var type = ReadTypeRef(element, "type", "of", "enum", "flags", "size", required: true);
        if (index == 0)
        {
            Report(DiagnosticDescriptors.InvalidAttributeValue, element.Attribute("index")!, "index", "0", "attribute indexes start at 1");
            index = null;
        }
        var access = Choice(element, "access", AttributeAccessKind.Read, SchemaVocabulary.AttributeAccess);
        bool isStatic = Choice(element, "kind", false, SchemaVocabulary.AttributeKinds);
        int snOffset = Integer(element, "sn-offset", required: false, min: 0, max: 0xFFFF) ?? -1;
        var selectors = Selectors(element);
        string? member = Member(element, name);
        if (index is null || name is null || type is null || member is null)
        {
            return null;
        }
        return new AttributeSpec(index.Value, name, member, type, access, isStatic, snOffset, selectors, SummaryOf(element), Locate(element));
    }

    private MethodSpec? ReadMethod(XElement element)
    {
        int? index = Integer(element, "index", required: true, min: 1, max: 127);
        string? name = Required(element, "name");
        var parameter = ReadTypeRef(element, "parameter", "parameter-of", "parameter-enum", "parameter-flags", "parameter-size", required: false);
        var returns = ReadTypeRef(element, "returns", "returns-of", "returns-enum", "returns-flags", "returns-size", required: false);
        string? defaultLiteral = (string?)element.Attribute("default");
        if (defaultLiteral is not null)
        {
            defaultLiteral = CheckDefault(element.Attribute("default")!, defaultLiteral, parameter);
        }
        var access = Choice(element, "access", MethodAccessKind.Execute, SchemaVocabulary.MethodAccess);
        int snOffset = Integer(element, "sn-offset", required: false, min: 0, max: 0xFFFF) ?? -1;
        string? member = Member(element, name);
        if (index is null || name is null || member is null)
        {
            return null;
        }
        return new MethodSpec(index.Value, name, member, parameter, defaultLiteral, returns, access, snOffset, SummaryOf(element), Locate(element));
    }

    // A default is a literal C# can take as-is: an integer, true/false. Enums and strings are not supported.
    private string? CheckDefault(XAttribute at, string literal, TypeRef? parameter)
    {
        if (parameter is null)
        {
            Report(DiagnosticDescriptors.InvalidTypeUsage, at, "default=\"" + literal + "\" needs a parameter type");
            return null;
        }
        switch (parameter.Kind)
        {
            case AxdrKind.Boolean when literal is "true" or "false":
                return literal;
            case AxdrKind.Integer or AxdrKind.Long or AxdrKind.DoubleLong or AxdrKind.Long64 or AxdrKind.Unsigned
                or AxdrKind.LongUnsigned or AxdrKind.DoubleLongUnsigned or AxdrKind.Long64Unsigned or AxdrKind.Enum
                when parameter.Name is null && SchemaIntegers.TryParse(literal, out long value) && SchemaIntegers.Fits(value, parameter.Kind):
                return value.ToString(CultureInfo.InvariantCulture);
            case AxdrKind.NullData:
                return "null";
            default:
                Report(DiagnosticDescriptors.InvalidAttributeValue, at, "default", literal,
                    "a default must be an integer literal in range of the parameter type, or true/false");
                return null;
        }
    }

    private void CheckIndexes(IEnumerable<(int Index, LocationInfo Location)> items, DiagnosticDescriptor descriptor, string className)
    {
        var seen = new HashSet<int>();
        foreach (var (index, location) in items)
        {
            if (!seen.Add(index))
            {
                _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, className, index.ToString(CultureInfo.InvariantCulture)));
            }
        }
    }

    // Blue Book §4.1.2: attribute 1 of every interface class is logical_name, octet-string(6).
    private void CheckLogicalName(XElement root, List<AttributeSpec> attributes, string className)
    {
        var first = attributes.FirstOrDefault(a => a.Index == 1);
        if (first is null)
        {
            Report(DiagnosticDescriptors.LogicalNameAttribute, root, className);
        }
        else if (first.Name != "logical_name" || first.Type.Kind != AxdrKind.Obis)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LogicalNameAttribute, first.Location, className));
        }
    }

    // The server base gets Xxx / GetXxxAsync / SetXxxAsync per attribute and XxxAsync per method; the
    // CosemObject base and the nested Proxy reserve a few more names.
    private void CheckMemberNames(string className, List<AttributeSpec> attributes, List<MethodSpec> methods)
    {
        var used = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string reserved in SchemaVocabulary.ReservedMembers)
        {
            used[reserved] = "a member of CosemObject";
        }
        used[className] = "the class name";
        foreach (var attribute in attributes.Where(a => a.Index != 1))
        {
            string owner = "attribute " + attribute.Index.ToString(CultureInfo.InvariantCulture) + " (" + attribute.Name + ")";
            Claim(attribute.Member, owner, attribute.Name, attribute.Location);
            Claim("Get" + attribute.Member + "Async", owner, attribute.Name, attribute.Location);
            Claim("Set" + attribute.Member + "Async", owner, attribute.Name, attribute.Location);
        }
        foreach (var method in methods)
        {
            string owner = "method " + method.Index.ToString(CultureInfo.InvariantCulture) + " (" + method.Name + ")";
            Claim(method.Member + "Async", owner, method.Name, method.Location);
        }

        void Claim(string generated, string owner, string schemaName, LocationInfo location)
        {
            if (used.TryGetValue(generated, out string? previous))
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameCollision, location, schemaName, className, generated, previous));
            }
            else
            {
                used.Add(generated, owner);
            }
        }
    }
}
