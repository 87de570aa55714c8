using System.Globalization;
using System;
using System.Linq;
using Cosem.Sdk.Generators.Model;
using Cosem.Sdk.Generators.Parsing;

namespace Cosem.Sdk.Generators.Emitting;

/// <summary>Small pieces of C# text: numbers, string literals, doc-comment text.</summary>
internal static class CSharpText
{
    /// <summary>"attribute 2 (<c>value</c>)": how doc comments name an attribute or method of the schema.</summary>
    public static string Describe(string what, int index, string name) =>
        what + " " + Int(index) + " (<c>" + Escape(name) + "</c>)";

    /// <summary>An integer as C# text, independent of the current culture.</summary>
    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A C# string literal; schema names hold no control characters, so quotes and backslashes are all that need escaping.</summary>
    public static string Literal(string value) =>
        "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>Schema text made safe inside XML doc comments.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>A <c>global::</c> type name as a <c>cref</c> takes it (without the alias).</summary>
    public static string Cref(string globalName) =>
        globalName.StartsWith("global::", StringComparison.Ordinal) ? globalName.Substring("global::".Length) : globalName;

    /// <summary>The schema's name of an A-XDR kind (<c>long-unsigned</c>, <c>date-time</c>, …).</summary>
    public static string KindName(AxdrKind kind) =>
        kind == AxdrKind.Array ? "array" : kind == AxdrKind.Named ? "structure" : SchemaVocabulary.BuiltIns.First(p => p.Value == kind).Key;

    /// <summary>
    /// A resolved type as doc comments name it: "long-unsigned", "octet-string of 6 bytes", "array of ScalerUnit (structure)",
    /// "ClockBase (enum)". Doc-comment text, already escaped.
    /// </summary>
    public static string AxdrTypeName(TypeModel type)
    {
        if (type.Kind == AxdrKind.Array)
        {
            return type.Element is null ? "array" : "array of " + AxdrTypeName(type.Element);
        }
        if (type.TypeName is { } typeName)
        {
            int dot = typeName.LastIndexOf('.');
            string shortName = dot < 0 ? typeName : typeName.Substring(dot + 1);
            string how = type.NamedKind == NamedTypeKind.Flags ? "flags over " + KindName(type.Kind) : KindName(type.Kind);
            return Escape(shortName) + " (" + how + ")";
        }
        string name = KindName(type.Kind);
        return type.Size > 0
            ? name + " of " + Int(type.Size) + (type.Kind == AxdrKind.BitString ? " bits" : type.Kind == AxdrKind.OctetString ? " bytes" : " characters")
            : name;
    }

    /// <summary>"1 element", "2 elements": a count with its noun for doc comments.</summary>
    public static string Count(int count, string noun) => Int(count) + " " + noun + (count == 1 ? "" : "s");
}
