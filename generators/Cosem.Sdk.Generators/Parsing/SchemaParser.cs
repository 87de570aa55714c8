using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Xml.Linq;
using System.Xml;
using Cosem.Sdk.Generators.Helpers;
using Cosem.Sdk.Generators.Model;
using Microsoft.CodeAnalysis.Text;

namespace Cosem.Sdk.Generators.Parsing;

/// <summary>
/// Reads one schema file (schema/README.md) into a <see cref="SchemaFile"/>. Checks what one file can check on
/// its own; names that cross files (types, classes) are resolved later against the whole catalog.
/// </summary>
internal static class SchemaParser
{
    /// <summary>The XML namespace of schema files (cosem-schema.xsd); elements in no namespace are accepted too.</summary>
    public const string SchemaNamespace = "urn:cosem-sdk:schema:1";

    /// <summary>Parses <paramref name="text"/>; never throws for bad input, which becomes diagnostics in the result.</summary>
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
        var reader = new SchemaFileReader(path, options, diagnostics);
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
                return new SchemaFile(path, options.IsReference, null, types.ToEquatableArray(), null, diagnostics.ToEquatableArray());
        }
        SchemaAttributes.Check(root, reader.Locate, diagnostics);
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

    /// <summary>Elements in the schema namespace, or in no namespace (hand-written snippets often omit xmlns).</summary>
    internal static bool IsSchemaElement(XElement element) =>
        element.Name.NamespaceName.Length == 0 || element.Name.NamespaceName == SchemaNamespace;
}
