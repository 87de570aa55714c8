using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Xml;
using System.Xml.Linq;
using Cosem.Sdk.Generators.Helpers;
using Cosem.Sdk.Generators.Model;
using Microsoft.CodeAnalysis.Text;

namespace Cosem.Sdk.Generators;

public sealed partial class CosemGenerator
{
    /// <summary>
    /// Reads one schema file (schema/README.md) into a <see cref="SchemaFile"/>. Checks what one file can check on
    /// its own; names that cross files (types, classes) are resolved later against the whole catalog.
    /// </summary>
    internal static class Parser
    {
        public const string SchemaNamespace = "urn:cosem-sdk:schema:1";

        public static SchemaFile Parse(string path, SourceText? text, SchemaFileOptions options, CancellationToken cancellationToken)
        {
            var diagnostics = new List<DiagnosticInfo>();
            if (text is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.XmlNotWellFormed, new LocationInfo(path, 1, 1), "the file could not be read"));
                return Empty(path, options, diagnostics);
            }

            XDocument document;
            try
            {
                document = Load(text.ToString());
            }
            catch (XmlException e)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.XmlNotWellFormed, new LocationInfo(path, e.LineNumber, e.LinePosition), e.Message));
                return Empty(path, options, diagnostics);
            }

            cancellationToken.ThrowIfCancellationRequested();
            var reader = new FileReader(path, options, diagnostics);
            var root = document.Root!;
            InterfaceClassSpec? cls = null;
            DeviceSpec? device = null;
            var types = new List<NamedTypeSpec>();
            switch (IsSchemaElement(root) ? root.Name.LocalName : null)
            {
                case "interface-class":
                    cls = reader.ReadInterfaceClass(root, types);
                    break;
                case "types":
                    reader.ReadTypes(root, types);
                    break;
                case "device":
                    device = reader.ReadDevice(root);
                    break;
                default:
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownRootElement, reader.Locate(root), root.Name.ToString()));
                    break;
            }
            return new SchemaFile(path, options.IsReference, cls, types.ToEquatableArray(), device, diagnostics.ToEquatableArray());
        }

        private static SchemaFile Empty(string path, SchemaFileOptions options, List<DiagnosticInfo> diagnostics) =>
            new(path, options.IsReference, null, EquatableArray<NamedTypeSpec>.Empty, null, diagnostics.ToEquatableArray());

        // DTDs are refused so a schema file cannot pull in external entities (XXE).
        private static XDocument Load(string text)
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
            };
            using var stringReader = new StringReader(text);
            using var xmlReader = XmlReader.Create(stringReader, settings);
            return XDocument.Load(xmlReader, LoadOptions.SetLineInfo);
        }

        // Elements in the schema namespace, or in no namespace (hand-written snippets often omit xmlns).
        private static bool IsSchemaElement(XElement element) =>
            element.Name.NamespaceName.Length == 0 || element.Name.NamespaceName == SchemaNamespace;

        private sealed class FileReader(string path, SchemaFileOptions options, List<DiagnosticInfo> diagnostics)
        {
            public LocationInfo Locate(XObject node)
            {
                var info = (IXmlLineInfo)node;
                return info.HasLineInfo() ? new LocationInfo(path, info.LineNumber, info.LinePosition) : new LocationInfo(path, 1, 1);
            }

            private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, XObject at, params string[] arguments) =>
                diagnostics.Add(DiagnosticInfo.Create(descriptor, Locate(at), arguments));

            // ---- <interface-class> ---------------------------------------------------------------------------

            public InterfaceClassSpec? ReadInterfaceClass(XElement root, List<NamedTypeSpec> types)
            {
                string? name = Identifier(root, "name", required: true);
                string displayName = name ?? "(unnamed)";
                int classId = ClassNumber(root, "id", 0, 65535, DiagnosticDescriptors.InvalidClassId, displayName);
                int version = ClassNumber(root, "version", 0, 255, DiagnosticDescriptors.InvalidVersion, displayName);
                string? ns = Namespace(root);
                string? blueBook = (string?)root.Attribute("blue-book");
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
                    Locate(root));
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
                var access = Choice(element, "access", AttributeAccessKind.Read, s_attributeAccess);
                bool isStatic = Choice(element, "kind", false, s_kinds);
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
                var access = Choice(element, "access", MethodAccessKind.Execute, s_methodAccess);
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
                        when parameter.Name is null && TryParseInteger(literal, out long value) && FitsKind(value, parameter.Kind):
                        return value.ToString(CultureInfo.InvariantCulture);
                    case AxdrKind.NullData:
                        return "null";
                    default:
                        Report(DiagnosticDescriptors.InvalidAttributeValue, at, "default", literal,
                            "a default must be an integer literal in range of the parameter type, or true/false");
                        return null;
                }
            }

            private void CheckIndexes(IEnumerable<(int Index, LocationInfo Location)> items, Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string className)
            {
                var seen = new HashSet<int>();
                foreach (var (index, location) in items)
                {
                    if (!seen.Add(index))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(descriptor, location, className, index.ToString(CultureInfo.InvariantCulture)));
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
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LogicalNameAttribute, first.Location, className));
                }
            }

            // The server base gets Xxx / GetXxxAsync / SetXxxAsync per attribute and XxxAsync per method; the
            // CosemObject base and the nested Proxy reserve a few more names.
            private void CheckMemberNames(string className, List<AttributeSpec> attributes, List<MethodSpec> methods)
            {
                var used = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (string reserved in ReservedMembers)
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
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameCollision, location, schemaName, className, generated, previous));
                    }
                    else
                    {
                        used.Add(generated, owner);
                    }
                }
            }

            // ---- named types ----------------------------------------------------------------------------------

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
                    if (!s_builtIns.TryGetValue(typeAttribute.Value, out encoding) || !IsEnumEncoding(encoding, kind))
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
                    long max = kind == NamedTypeKind.Flags ? 63 : MaxOf(encoding);
                    long min = kind == NamedTypeKind.Flags ? 0 : MinOf(encoding);
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
                return new NamedTypeSpec(name, kind, ns, clrType, encoding, members.OrderBy(m => m.Value).ToEquatableArray(),
                    EquatableArray<FieldSpec>.Empty, SummaryOf(element), Locate(element));
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
                : encoding is AxdrKind.Unsigned or AxdrKind.LongUnsigned or AxdrKind.DoubleLongUnsigned or AxdrKind.Long64Unsigned
                    or AxdrKind.BitString;

            // ---- type references -------------------------------------------------------------------------------

            private TypeRef? ReadTypeRef(XElement element, string typeName, string ofName, string enumName, string flagsName, string sizeName, bool required)
            {
                var typeAttribute = element.Attribute(typeName);
                if (typeAttribute is null)
                {
                    if (required)
                    {
                        Report(DiagnosticDescriptors.MissingAttribute, element, element.Name.LocalName, typeName);
                    }
                    return null;
                }

                string type = typeAttribute.Value.Trim();
                string? enumType = (string?)element.Attribute(enumName);
                string? flagsType = (string?)element.Attribute(flagsName);
                int size = Integer(element, sizeName, required: false, min: 1, max: int.MaxValue) ?? 0;
                if (enumType is not null && flagsType is not null)
                {
                    Report(DiagnosticDescriptors.InvalidTypeUsage, element, "'" + enumName + "' and '" + flagsName + "' cannot both be given");
                    return null;
                }

                if (type == "array")
                {
                    var ofAttribute = element.Attribute(ofName);
                    if (ofAttribute is null)
                    {
                        Report(DiagnosticDescriptors.MissingAttribute, element, element.Name.LocalName, ofName);
                        return null;
                    }
                    var elementType = ParseSimple(ofAttribute, ofAttribute.Value.Trim(), enumType, flagsType, size);
                    return elementType is null ? null : new TypeRef(AxdrKind.Array, null, elementType, 0);
                }
                if (element.Attribute(ofName) is { } strayOf)
                {
                    Report(DiagnosticDescriptors.InvalidTypeUsage, strayOf, "'" + ofName + "' is only allowed with type=\"array\"");
                }
                return ParseSimple(typeAttribute, type, enumType, flagsType, size);
            }

            private TypeRef? ParseSimple(XAttribute at, string type, string? enumType, string? flagsType, int size)
            {
                if (type.Length == 0)
                {
                    Report(DiagnosticDescriptors.InvalidAttributeValue, at, at.Name.LocalName, type, "a type is required");
                    return null;
                }
                if (type == "array")
                {
                    Report(DiagnosticDescriptors.InvalidTypeUsage, at, "An array of arrays needs a named structure between them");
                    return null;
                }
                if (!s_builtIns.TryGetValue(type, out var kind))
                {
                    if (!Naming.IsValidIdentifier(type))
                    {
                        Report(DiagnosticDescriptors.UnknownType, at, type);
                        return null;
                    }
                    if (enumType is not null || flagsType is not null)
                    {
                        Report(DiagnosticDescriptors.InvalidTypeUsage, at, "enum/flags mappings apply to built-in integer and bit-string types, not to '" + type + "'");
                    }
                    return new TypeRef(AxdrKind.Named, type, null, 0);
                }
                if (enumType is not null && !IsEnumEncoding(kind, NamedTypeKind.Enum))
                {
                    Report(DiagnosticDescriptors.InvalidTypeUsage, at, "An enum mapping needs an enum or integer type, not '" + type + "'");
                    return TypeRef.Of(kind);
                }
                if (flagsType is not null && !IsEnumEncoding(kind, NamedTypeKind.Flags))
                {
                    Report(DiagnosticDescriptors.InvalidTypeUsage, at, "A flags mapping needs an unsigned or bit-string type, not '" + type + "'");
                    return TypeRef.Of(kind);
                }
                string? mapping = enumType ?? flagsType;
                if (mapping is not null && !Naming.IsValidIdentifier(mapping))
                {
                    Report(DiagnosticDescriptors.UnknownType, at, mapping);
                    return TypeRef.Of(kind);
                }
                if (size != 0 && kind is not (AxdrKind.OctetString or AxdrKind.VisibleString or AxdrKind.Utf8String or AxdrKind.BitString))
                {
                    Report(DiagnosticDescriptors.InvalidTypeUsage, at, "'size' applies to octet-string, visible-string, utf8-string and bit-string only");
                    size = 0;
                }
                return new TypeRef(kind, mapping, null, size);
            }

            // ---- <device> -------------------------------------------------------------------------------------

            public DeviceSpec? ReadDevice(XElement root)
            {
                string? name = Identifier(root, "name", required: true);
                string? ns = Namespace(root);
                string? summary = null;
                var objects = new List<DeviceObjectSpec>();
                var members = new HashSet<string>(StringComparer.Ordinal);
                var logicalNames = new HashSet<string>(StringComparer.Ordinal);
                foreach (var child in SchemaChildren(root))
                {
                    if (child.Name.LocalName == "summary")
                    {
                        summary = Text(child);
                        continue;
                    }
                    if (child.Name.LocalName != "object")
                    {
                        Report(DiagnosticDescriptors.UnknownElement, child, child.Name.LocalName, root.Name.LocalName);
                        continue;
                    }
                    string? member = Identifier(child, "member", required: true);
                    string? cls = Required(child, "class");
                    int version = Integer(child, "version", required: false, min: 0, max: 255) ?? -1;
                    string? logicalNameText = Required(child, "logical-name");
                    string? logicalName = null;
                    if (logicalNameText is not null)
                    {
                        logicalName = NormalizeObis(logicalNameText);
                        if (logicalName is null)
                        {
                            Report(DiagnosticDescriptors.InvalidObisCode, child.Attribute("logical-name")!, logicalNameText);
                        }
                    }
                    if (member is null || cls is null || logicalName is null)
                    {
                        continue;
                    }
                    if (!members.Add(member) || member == name || s_deviceMembers.Contains(member))
                    {
                        Report(DiagnosticDescriptors.NameCollision, child, member, name ?? "(unnamed)", member,
                            member == name ? "the device name" : s_deviceMembers.Contains(member) ? "a member of the generated facade" : "another object");
                        continue;
                    }
                    if (!logicalNames.Add(logicalName))
                    {
                        Report(DiagnosticDescriptors.DuplicateValue, child, name ?? "(unnamed)", "logical name", logicalName);
                        continue;
                    }
                    objects.Add(new DeviceObjectSpec(member, cls, version, logicalName, SummaryOf(child), Locate(child)));
                }
                return name is null ? null : new DeviceSpec(name, ns, summary, objects.ToEquatableArray(), Locate(root));
            }

            /// <summary>"1.0.1.8.0.255", "1-0:1.8.0*255" or "1-0:1.8.0.255" → "1.0.1.8.0.255"; null when not six values 0–255.</summary>
            internal static string? NormalizeObis(string text)
            {
                var parts = text.Trim().Split('.', '-', ':', '*');
                if (parts.Length != 6)
                {
                    return null;
                }
                var values = new string[6];
                for (int i = 0; i < 6; i++)
                {
                    if (parts[i].Length == 0 || parts[i].Length > 3 || !parts[i].All(c => c is >= '0' and <= '9')
                        || int.Parse(parts[i], CultureInfo.InvariantCulture) > 255)
                    {
                        return null;
                    }
                    values[i] = int.Parse(parts[i], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
                }
                return string.Join(".", values);
            }

            // ---- small readers ----------------------------------------------------------------------------------

            private IEnumerable<XElement> SchemaChildren(XElement parent) => parent.Elements().Where(IsSchemaElement);

            private static string? Text(XElement element)
            {
                var words = element.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                return words.Length == 0 ? null : string.Join(" ", words);
            }

            private static string? SummaryOf(XElement element) =>
                (string?)element.Attribute("summary") is { Length: > 0 } inline
                    ? inline
                    : element.Elements().FirstOrDefault(e => IsSchemaElement(e) && e.Name.LocalName == "summary") is { } child ? Text(child) : null;

            private string? Required(XElement element, string attributeName)
            {
                var attribute = element.Attribute(attributeName);
                if (attribute is null)
                {
                    Report(DiagnosticDescriptors.MissingAttribute, element, element.Name.LocalName, attributeName);
                    return null;
                }
                string value = attribute.Value.Trim();
                if (value.Length == 0)
                {
                    Report(DiagnosticDescriptors.InvalidAttributeValue, attribute, attributeName, value, "it must not be empty");
                    return null;
                }
                return value;
            }

            private string? Identifier(XElement element, string attributeName, bool required)
            {
                string? value = required ? Required(element, attributeName) : (string?)element.Attribute(attributeName);
                if (value is not null && !Naming.IsValidIdentifier(value))
                {
                    Report(DiagnosticDescriptors.InvalidIdentifier, element.Attribute(attributeName)!, value);
                    return null;
                }
                return value;
            }

            private string? Namespace(XElement element)
            {
                var attribute = element.Attribute("namespace");
                if (attribute is null)
                {
                    return options.Namespace;
                }
                if (!Naming.IsValidNamespace(attribute.Value))
                {
                    Report(DiagnosticDescriptors.InvalidIdentifier, attribute, attribute.Value);
                    return options.Namespace;
                }
                return attribute.Value;
            }

            // member="..." if given, else the PascalCase of the Blue Book name.
            private string? Member(XElement element, string? name)
            {
                var attribute = element.Attribute("member");
                string? member = attribute?.Value ?? (name is null ? null : Naming.ToPascalCase(name));
                if (member is not null && !Naming.IsValidIdentifier(member))
                {
                    Report(DiagnosticDescriptors.InvalidIdentifier, (XObject?)attribute ?? element, member);
                    return null;
                }
                return member;
            }

            private int ClassNumber(XElement element, string attributeName, int min, int max, Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string className)
            {
                var attribute = element.Attribute(attributeName);
                if (attribute is null)
                {
                    Report(descriptor, element, className, "(missing)");
                    return -1;
                }
                if (!TryParseInteger(attribute.Value, out long value) || value < min || value > max)
                {
                    Report(descriptor, attribute, className, attribute.Value);
                    return -1;
                }
                return (int)value;
            }

            private int? Integer(XElement element, string attributeName, bool required, int min, int max) =>
                (int?)Long(element, attributeName, min, max, required);

            private long? Long(XElement element, string attributeName, long min, long max, bool required = true)
            {
                var attribute = element.Attribute(attributeName);
                if (attribute is null)
                {
                    if (required)
                    {
                        Report(DiagnosticDescriptors.MissingAttribute, element, element.Name.LocalName, attributeName);
                    }
                    return null;
                }
                if (!TryParseInteger(attribute.Value, out long value) || value < min || value > max)
                {
                    Report(DiagnosticDescriptors.InvalidAttributeValue, attribute, attributeName, attribute.Value,
                        "expected an integer from " + min.ToString(CultureInfo.InvariantCulture) + " to " + max.ToString(CultureInfo.InvariantCulture));
                    return null;
                }
                return value;
            }

            private T Choice<T>(XElement element, string attributeName, T defaultValue, Dictionary<string, T> choices)
            {
                var attribute = element.Attribute(attributeName);
                if (attribute is null)
                {
                    return defaultValue;
                }
                if (choices.TryGetValue(attribute.Value.Trim(), out var value))
                {
                    return value;
                }
                Report(DiagnosticDescriptors.InvalidAttributeValue, attribute, attributeName, attribute.Value,
                    "expected one of " + string.Join(", ", choices.Keys));
                return defaultValue;
            }

            // selective-access="range entry" (profile generic selectors 1 and 2) or selector numbers.
            private EquatableArray<int> Selectors(XElement element)
            {
                var attribute = element.Attribute("selective-access");
                if (attribute is null)
                {
                    return EquatableArray<int>.Empty;
                }
                var selectors = new SortedSet<int>();
                foreach (string token in attribute.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                {
                    int selector = token switch
                    {
                        "range" => 1,
                        "entry" => 2,
                        _ => TryParseInteger(token, out long n) && n is >= 1 and <= 255 ? (int)n : -1,
                    };
                    if (selector < 0)
                    {
                        Report(DiagnosticDescriptors.InvalidAttributeValue, attribute, "selective-access", token,
                            "expected 'range', 'entry' or a selector number 1-255");
                        continue;
                    }
                    selectors.Add(selector);
                }
                return selectors.ToEquatableArray();
            }
        }

        // ---- tables ------------------------------------------------------------------------------------------

        private static readonly string[] ReservedMembers =
        [
            "LogicalName", "ClassId", "Version", "Attributes", "Methods", "ClassInfo", "Proxy",
            "ReadAttributeAsync", "WriteAttributeAsync", "InvokeMethodAsync",
            "ReadAttributeCoreAsync", "WriteAttributeCoreAsync", "InvokeMethodCoreAsync",
            "Equals", "GetHashCode", "ToString", "GetType", "Session",
        ];

        private static readonly HashSet<string> s_deviceMembers = new(StringComparer.Ordinal) { "Session", "Objects", "CreateObjects" };

        private static readonly Dictionary<string, AttributeAccessKind> s_attributeAccess = new(StringComparer.Ordinal)
        {
            ["none"] = AttributeAccessKind.None,
            ["read"] = AttributeAccessKind.Read,
            ["write"] = AttributeAccessKind.Write,
            ["read-write"] = AttributeAccessKind.ReadWrite,
            ["authenticated-read"] = AttributeAccessKind.AuthenticatedRead,
            ["authenticated-write"] = AttributeAccessKind.AuthenticatedWrite,
            ["authenticated-read-write"] = AttributeAccessKind.AuthenticatedReadWrite,
        };

        private static readonly Dictionary<string, MethodAccessKind> s_methodAccess = new(StringComparer.Ordinal)
        {
            ["none"] = MethodAccessKind.None,
            ["execute"] = MethodAccessKind.Execute,
            ["authenticated-execute"] = MethodAccessKind.AuthenticatedExecute,
        };

        private static readonly Dictionary<string, bool> s_kinds = new(StringComparer.Ordinal)
        {
            ["static"] = true,
            ["dynamic"] = false,
        };

        internal static readonly Dictionary<string, AxdrKind> s_builtIns = new(StringComparer.Ordinal)
        {
            ["null-data"] = AxdrKind.NullData,
            ["boolean"] = AxdrKind.Boolean,
            ["integer"] = AxdrKind.Integer,
            ["long"] = AxdrKind.Long,
            ["double-long"] = AxdrKind.DoubleLong,
            ["long64"] = AxdrKind.Long64,
            ["unsigned"] = AxdrKind.Unsigned,
            ["long-unsigned"] = AxdrKind.LongUnsigned,
            ["double-long-unsigned"] = AxdrKind.DoubleLongUnsigned,
            ["long64-unsigned"] = AxdrKind.Long64Unsigned,
            ["enum"] = AxdrKind.Enum,
            ["float32"] = AxdrKind.Float32,
            ["float64"] = AxdrKind.Float64,
            ["octet-string"] = AxdrKind.OctetString,
            ["visible-string"] = AxdrKind.VisibleString,
            ["utf8-string"] = AxdrKind.Utf8String,
            ["bit-string"] = AxdrKind.BitString,
            ["bcd"] = AxdrKind.Bcd,
            ["date-time"] = AxdrKind.DateTime,
            ["date"] = AxdrKind.Date,
            ["time"] = AxdrKind.Time,
            ["obis"] = AxdrKind.Obis,
            ["data"] = AxdrKind.Data,
        };

        internal static bool TryParseInteger(string text, out long value)
        {
            text = text.Trim();
            if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                return long.TryParse(text.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
            }
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }

        internal static long MinOf(AxdrKind kind) => kind switch
        {
            AxdrKind.Integer => sbyte.MinValue,
            AxdrKind.Long => short.MinValue,
            AxdrKind.DoubleLong => int.MinValue,
            AxdrKind.Long64 => long.MinValue,
            _ => 0,
        };

        internal static long MaxOf(AxdrKind kind) => kind switch
        {
            AxdrKind.Integer => sbyte.MaxValue,
            AxdrKind.Long => short.MaxValue,
            AxdrKind.DoubleLong => int.MaxValue,
            AxdrKind.Long64 or AxdrKind.Long64Unsigned => long.MaxValue,
            AxdrKind.Unsigned or AxdrKind.Enum => byte.MaxValue,
            AxdrKind.LongUnsigned => ushort.MaxValue,
            AxdrKind.DoubleLongUnsigned => uint.MaxValue,
            _ => 0,
        };

        private static bool FitsKind(long value, AxdrKind kind) => value >= MinOf(kind) && value <= MaxOf(kind);
    }
}
