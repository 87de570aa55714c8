using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using System;
using Cosem.Sdk.Generators.Helpers;
using Cosem.Sdk.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Cosem.Sdk.Generators.Parsing;

// The type="..." family of attributes on attributes, method parameters and results, and structure fields.
internal sealed partial class SchemaFileReader
{
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
        if (!SchemaVocabulary.BuiltIns.TryGetValue(type, out var kind))
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
}
