using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using System;
using Cosem.Sdk.Generators.Helpers;

namespace Cosem.Sdk.Generators.Parsing;

/// <summary>
/// The XML attributes each schema element may carry: the one table the unknown-attribute check (COSEM021) reads.
/// It mirrors the attribute declarations of cosem-schema.xsd; SchemaAuthoringTests compares the two.
/// </summary>
internal static class SchemaAttributes
{
    private static readonly string[] TypeReference = ["type", "of", "enum", "flags", "size"];

    /// <summary>Element local name → the attributes it may carry, in the order the XSD declares them.</summary>
    internal static readonly Dictionary<string, string[]> Known = new(StringComparer.Ordinal)
    {
        ["interface-class"] = ["name", "id", "version", "namespace", "blue-book", "replaces"],
        ["types"] = ["namespace"],
        ["device"] = ["name", "namespace"],
        ["summary"] = [],
        ["attribute"] = ["index", "name", .. TypeReference, "access", "kind", "sn-offset", "selective-access", "member", "summary"],
        ["method"] =
        [
            "index", "name", "parameter", "parameter-of", "parameter-enum", "parameter-flags", "parameter-size", "default",
            "returns", "returns-of", "returns-enum", "returns-flags", "returns-size", "access", "sn-offset", "member", "summary",
        ],
        ["object"] = ["member", "class", "version", "logical-name", "summary"],
        ["capture"] = ["name", "member", "object", "class", "logical-name", "attribute", "data-index", .. TypeReference, "scaler", "unit", "summary"],
        ["enum"] = ["name", "type", "clr-type", "summary"],
        ["value"] = ["n", "name", "member", "summary"],
        ["flags"] = ["name", "type", "clr-type", "first-bit", "summary"],
        ["bit"] = ["n", "name", "member", "summary"],
        ["structure"] = ["name", "summary"],
        ["field"] = ["name", .. TypeReference, "member", "summary"],
    };

    /// <summary>
    /// Reports every attribute in no namespace that the table does not list for its element. Namespaced attributes
    /// (xmlns, xsi:schemaLocation, an editor's own) are left alone; unknown elements are COSEM016's business.
    /// </summary>
    internal static void Check(XElement root, Func<XObject, LocationInfo> locate, List<DiagnosticInfo> diagnostics)
    {
        foreach (var element in root.DescendantsAndSelf().Where(SchemaParser.IsSchemaElement))
        {
            if (!Known.TryGetValue(element.Name.LocalName, out string[]? known))
            {
                continue;
            }
            foreach (var attribute in element.Attributes())
            {
                if (attribute.IsNamespaceDeclaration || attribute.Name.NamespaceName.Length != 0 || known.Contains(attribute.Name.LocalName))
                {
                    continue;
                }
                string? suggestion = ClosestMatch(attribute.Name.LocalName, known);
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownAttribute, locate(attribute),
                    attribute.Name.LocalName, element.Name.LocalName, suggestion is null ? "" : "; did you mean '" + suggestion + "'?"));
            }
        }
    }

    /// <summary>
    /// The known name within edit distance 2 of <paramref name="name"/> (the nearest, first on a tie); null when none
    /// is. A distance as long as the name itself is a different word, not a typo ("id" is not a misspelt "kind").
    /// </summary>
    internal static string? ClosestMatch(string name, IEnumerable<string> known)
    {
        string? best = null;
        int bestDistance = 3;
        foreach (string candidate in known)
        {
            int distance = EditDistance(name, candidate);
            if (distance < bestDistance && distance < name.Length)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    // Levenshtein distance, two rows.
    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
