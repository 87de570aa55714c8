using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.Diagnostics;

/// <summary>
/// The <c>cosem.service</c> tag of an APDU: its <see cref="ApduTag"/> name in lower-case words joined by hyphens
/// (<c>get-request</c>, <c>glo-get-request</c>, <c>aarq</c>), computed once per tag so tagging allocates nothing.
/// </summary>
internal static class ServiceNames
{
    private static readonly string[] s_names = Build();

    public static string Of(byte tag) => s_names[tag];

    public static string Of(ReadOnlySpan<byte> apdu) => apdu.IsEmpty ? "empty" : s_names[apdu[0]];

    private static string[] Build()
    {
        var names = new string[256];
        for (var tag = 0; tag < names.Length; tag++)
        {
            names[tag] = Enum.GetName((ApduTag)tag) is { } name ? Kebab(name) : "tag-" + tag;
        }
        return names;
    }

    private static string Kebab(string name)
    {
        var text = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && !char.IsUpper(name[i - 1]))
            {
                text.Append('-');
            }
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }
}
