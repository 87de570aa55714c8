using System.Globalization;
using System;

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
}
