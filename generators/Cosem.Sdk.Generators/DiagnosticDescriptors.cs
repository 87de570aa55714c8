using Microsoft.CodeAnalysis;

namespace Cosem.Sdk.Generators;

/// <summary>
/// Every diagnostic the generator reports. Ids are stable: never renumber, only append
/// (AnalyzerReleases.Unshipped.md lists them; schema/README.md, "Diagnostics", explains them).
/// </summary>
internal static class DiagnosticDescriptors
{
    /// <summary>
    /// The project's canonical repository; help links point at its schema/README.md. Change it here only, if the
    /// project moves.
    /// </summary>
    public const string RepositoryUrl = "https://github.com/cosem-sdk/cosem-sdk";

    /// <summary>The "Diagnostics" section of schema/README.md; each id has an anchor there (#cosem001, ...).</summary>
    public const string HelpBaseUrl = RepositoryUrl + "/blob/main/schema/README.md";

    private const string Category = "Cosem.Schema";

    public static readonly DiagnosticDescriptor XmlNotWellFormed = Error(
        "COSEM001", "Schema file is not well-formed XML", "Schema file is not well-formed XML: {0}");

    public static readonly DiagnosticDescriptor UnknownRootElement = Error(
        "COSEM002", "Unknown schema root element",
        "Root element '{0}' is not a COSEM schema element; expected interface-class, types or device in namespace urn:cosem-sdk:schema:1");

    public static readonly DiagnosticDescriptor MissingAttribute = Error(
        "COSEM003", "Required XML attribute missing", "<{0}> needs the '{1}' attribute");

    public static readonly DiagnosticDescriptor InvalidAttributeValue = Error(
        "COSEM004", "Invalid XML attribute value", "'{1}' is not a valid value for '{0}': {2}");

    public static readonly DiagnosticDescriptor InvalidClassId = Error(
        "COSEM005", "Missing or invalid class id", "Interface class '{0}' needs an id between 0 and 65535; found '{1}'");

    public static readonly DiagnosticDescriptor InvalidVersion = Error(
        "COSEM006", "Missing or invalid class version", "Interface class '{0}' needs a version between 0 and 255; found '{1}'");

    public static readonly DiagnosticDescriptor DuplicateAttributeIndex = Error(
        "COSEM007", "Duplicate attribute index", "Interface class '{0}' declares attribute index {1} more than once");

    public static readonly DiagnosticDescriptor DuplicateMethodIndex = Error(
        "COSEM008", "Duplicate method index", "Interface class '{0}' declares method index {1} more than once");

    public static readonly DiagnosticDescriptor LogicalNameAttribute = Error(
        "COSEM009", "Attribute 1 must be logical_name",
        "Attribute 1 of interface class '{0}' must be declared as name=\"logical_name\" type=\"obis\"");

    public static readonly DiagnosticDescriptor UnknownType = Error(
        "COSEM010", "Unknown type", "Type '{0}' is neither a built-in type nor a named type declared in any schema file");

    public static readonly DiagnosticDescriptor DuplicateNamedType = Error(
        "COSEM011", "Duplicate named type", "Named type '{0}' is declared more than once (also in {1})");

    public static readonly DiagnosticDescriptor NameCollision = Error(
        "COSEM012", "Generated name collision",
        "'{0}' in {1} would generate the C# name '{2}', which is already used by {3}; give member=\"...\" another name");

    public static readonly DiagnosticDescriptor InvalidObisCode = Error(
        "COSEM013", "Invalid OBIS code", "'{0}' is not an OBIS code; write six values 0-255 as A.B.C.D.E.F or A-B:C.D.E*F");

    public static readonly DiagnosticDescriptor UnknownClass = Error(
        "COSEM014", "Unknown interface class in device profile", "Device object '{0}' refers to class '{1}'{2}, which no schema file declares");

    public static readonly DiagnosticDescriptor DuplicateValue = Error(
        "COSEM015", "Duplicate value in named type", "'{0}' declares {1} {2} more than once");

    public static readonly DiagnosticDescriptor UnknownElement = Warning(
        "COSEM016", "Unknown schema element", "<{0}> is not expected inside <{1}> and is ignored");

    public static readonly DiagnosticDescriptor InvalidTypeUsage = Error(
        "COSEM017", "Invalid type usage", "{0}");

    public static readonly DiagnosticDescriptor GeneratorFailure = Error(
        "COSEM018", "Generator failure", "The COSEM generator failed while processing '{0}': {1}");

    public static readonly DiagnosticDescriptor InvalidIdentifier = Error(
        "COSEM019", "Name is not a valid C# identifier", "'{0}' does not make a valid C# identifier");

    public static readonly DiagnosticDescriptor DuplicateClass = Error(
        "COSEM020", "Duplicate interface class",
        "Interface class {0} version {1} is declared more than once (also in {2})");

    public static readonly DiagnosticDescriptor UnknownAttribute = Warning(
        "COSEM021", "Unknown XML attribute", "'{0}' is not an attribute of <{1}> and is ignored{2}");

    public static readonly DiagnosticDescriptor ReplacesBlueBookClass = Error(
        "COSEM022", "Interface class collides with a Blue Book class",
        "Interface class '{0}' has the id {1} and version {2} of the SDK's Blue Book class '{3}'; add replaces=\"blue-book\" to replace it, or pick another id or version");

    /// <summary>The help link of <paramref name="id"/>: its entry in the Diagnostics section of schema/README.md.</summary>
    public static string HelpLink(string id) => HelpBaseUrl + "#" + id.ToLowerInvariant();

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink(id));

    private static DiagnosticDescriptor Warning(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink(id));
}
