using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using System.Xml;
using System;
using Cosem.Sdk.Generators.Helpers;
using Cosem.Sdk.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Cosem.Sdk.Generators.Parsing;

/// <summary>
/// Reads the elements of one schema file into specs, reporting what is wrong where it is. One instance per file; the
/// element readers live in the other parts (interface class, named types, type references, device).
/// </summary>
internal sealed partial class SchemaFileReader
{
    private readonly string _path;
    private readonly SchemaFileOptions _options;
    private readonly List<DiagnosticInfo> _diagnostics;

    /// <summary>Creates a reader for the file at <paramref name="path"/> that adds its findings to <paramref name="diagnostics"/>.</summary>
    public SchemaFileReader(string path, SchemaFileOptions options, List<DiagnosticInfo> diagnostics)
    {
        _path = path;
        _options = options;
        _diagnostics = diagnostics;
    }

    /// <summary>The file, line and column of <paramref name="node"/>; the start of the file when XML line info is missing.</summary>
    public LocationInfo Locate(XObject node)
    {
        var info = (IXmlLineInfo)node;
        return info.HasLineInfo() ? new LocationInfo(_path, info.LineNumber, info.LinePosition) : new LocationInfo(_path, 1, 1);
    }

    private void Report(DiagnosticDescriptor descriptor, XObject at, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, Locate(at), arguments));

    private IEnumerable<XElement> SchemaChildren(XElement parent) => parent.Elements().Where(SchemaParser.IsSchemaElement);

    private static string? Text(XElement element)
    {
        var words = element.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? null : string.Join(" ", words);
    }

    private static string? SummaryOf(XElement element) =>
        (string?)element.Attribute("summary") is { Length: > 0 } inline
            ? inline
            : element.Elements().FirstOrDefault(e => SchemaParser.IsSchemaElement(e) && e.Name.LocalName == "summary") is { } child ? Text(child) : null;

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
            return _options.Namespace;
        }
        if (!Naming.IsValidNamespace(attribute.Value))
        {
            Report(DiagnosticDescriptors.InvalidIdentifier, attribute, attribute.Value);
            return _options.Namespace;
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

    private int ClassNumber(XElement element, string attributeName, int min, int max, DiagnosticDescriptor descriptor, string className)
    {
        var attribute = element.Attribute(attributeName);
        if (attribute is null)
        {
            Report(descriptor, element, className, "(missing)");
            return -1;
        }
        if (!SchemaIntegers.TryParse(attribute.Value, out long value) || value < min || value > max)
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
        if (!SchemaIntegers.TryParse(attribute.Value, out long value) || value < min || value > max)
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
                _ => SchemaIntegers.TryParse(token, out long n) && n is >= 1 and <= 255 ? (int)n : -1,
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
