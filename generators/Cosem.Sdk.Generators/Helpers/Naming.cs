using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Cosem.Sdk.Generators.Helpers;

/// <summary>Turns Blue Book names (<c>time_zone</c>, <c>adjust_to_quarter</c>) into C# names.</summary>
internal static class Naming
{
    /// <summary><c>time_zone</c> → <c>TimeZone</c>; <c>xDLMS_context_info</c> → <c>XDLMSContextInfo</c>;
    /// a leading digit gets an underscore (<c>50_hz</c> → <c>_50Hz</c>).</summary>
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder(name.Length);
        bool upperNext = true;
        foreach (char c in name)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upperNext = true;
                continue;
            }
            builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }
        if (builder.Length > 0 && char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }
        return builder.ToString();
    }

    /// <summary><c>TimeZone</c> → <c>timeZone</c>, for parameters and locals.</summary>
    public static string ToCamelCase(string pascal)
    {
        if (pascal.Length == 0 || !char.IsUpper(pascal[0]))
        {
            return pascal;
        }
        int upper = 1;
        while (upper < pascal.Length && char.IsUpper(pascal[upper]))
        {
            upper++;
        }
        // "XDLMSContextInfo" -> "xdlmsContextInfo": lower the leading acronym except the letter that starts the next word.
        int lowerCount = upper == 1 || upper == pascal.Length ? upper : upper - 1;
        string camel = pascal.Substring(0, lowerCount).ToLowerInvariant() + pascal.Substring(lowerCount);
        return SyntaxFacts.GetKeywordKind(camel) != SyntaxKind.None ? "@" + camel : camel;
    }

    public static bool IsValidIdentifier(string name) =>
        SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;

    public static bool IsValidNamespace(string name)
    {
        foreach (string part in name.Split('.'))
        {
            if (!IsValidIdentifier(part))
            {
                return false;
            }
        }
        return true;
    }
}
