using System.Text;

namespace Cosem.Sdk.Translation.Grammar;

/// <summary>
/// Spells a C# enum member name as the ASN.1 identifier of the value it stands for: its words in lower case, joined
/// by hyphens ("ScopeOfAccessViolated" → "scope-of-access-violated"). AP and AE stay in capitals, as ISO/IEC 8650-1
/// writes them ("CallingApTitleNotRecognized" → "calling-AP-title-not-recognized").
/// </summary>
internal static class AsnIdentifier
{
    private static readonly HashSet<string> CapitalisedWords = new(StringComparer.Ordinal) { "Ap", "Ae" };

    /// <summary>The identifier for <paramref name="memberName"/>; a word starts at each ASCII capital letter.</summary>
    public static string FromMemberName(string memberName)
    {
        var identifier = new StringBuilder(memberName.Length + 8);
        int wordStart = 0;
        for (int i = 1; i <= memberName.Length; i++)
        {
            if (i == memberName.Length || char.IsAsciiLetterUpper(memberName[i]))
            {
                AppendWord(identifier, memberName[wordStart..i]);
                wordStart = i;
            }
        }
        return identifier.ToString();
    }

    private static void AppendWord(StringBuilder identifier, string word)
    {
        if (identifier.Length > 0)
        {
            identifier.Append('-');
        }
        identifier.Append(CapitalisedWords.Contains(word) ? word.ToUpperInvariant() : word.ToLowerInvariant());
    }
}
