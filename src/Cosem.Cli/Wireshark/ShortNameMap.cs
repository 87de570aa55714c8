using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Cosem.Cli.Wireshark;

/// <summary>One object of a short-name map: its base name, class and logical name.</summary>
/// <param name="BaseName">The object's base name (its attribute 1's variable name).</param>
/// <param name="ClassId">The object's interface class.</param>
/// <param name="LogicalName">The object's OBIS code, a.b.c.d.e.f.</param>
internal sealed record ShortNameObject(int BaseName, int ClassId, string LogicalName);

/// <summary>
/// The <c>--sn-map FILE</c> of <c>cosem wireshark</c>: which object each base name of a short-name meter is, for
/// captures that do not hold the read of the Association SN object_list. One object a line,
/// <c>base-name class-id logical-name</c> (base name as <c>0x2000</c> or decimal); <c>#</c> starts a comment. The
/// dissector's "SN map file" preference reads the same format.
/// </summary>
internal static partial class ShortNameMap
{
    [GeneratedRegex(@"^\s*(?<base>0[xX][0-9A-Fa-f]{1,4}|\d{1,5})\s+(?<class>\d{1,5})\s+(?<ln>\d{1,3}(\.\d{1,3}){5})\s*$")]
    private static partial Regex Line();

    /// <summary>Reads <paramref name="path"/>; a line that is not an object throws <see cref="FormatException"/> naming it.</summary>
    public static IReadOnlyList<ShortNameObject> Load(string path)
    {
        var objects = new List<ShortNameObject>();
        int number = 0;
        foreach (string raw in File.ReadLines(path))
        {
            number++;
            string line = raw.Split('#')[0];
            if (line.Trim().Length == 0)
            {
                continue;
            }
            var match = Line().Match(line);
            string text = match.Groups["base"].Value;
            int baseName = !match.Success ? -1
                : text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? int.Parse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                : int.Parse(text, CultureInfo.InvariantCulture);
            int classId = match.Success ? int.Parse(match.Groups["class"].Value, CultureInfo.InvariantCulture) : -1;
            string logicalName = match.Groups["ln"].Value;
            if (baseName is < 0 or > 0xFFFF || classId is < 0 or > 0xFFFF || logicalName.Split('.').Any(p => int.Parse(p, CultureInfo.InvariantCulture) > 255))
            {
                throw new FormatException($"{path}:{number}: '{raw.Trim()}' is not 'base-name class-id logical-name' (e.g. 0x2000 8 0.0.1.0.0.255).");
            }
            objects.Add(new ShortNameObject(baseName, classId, logicalName));
        }
        return objects;
    }

    /// <summary>Writes <c>SN_MAP</c>, the table the dissector looks base names up in (empty without a map).</summary>
    public static void Write(IReadOnlyList<ShortNameObject> objects, StringBuilder lua)
    {
        lua.AppendLine("-- Short-name base names given with --sn-map: base name -> class id and logical name.");
        lua.AppendLine("local SN_MAP = {");
        foreach (var o in objects.OrderBy(o => o.BaseName))
        {
            lua.Append("  [").Append(LuaText.Number(o.BaseName)).Append("] = { c = ").Append(LuaText.Number(o.ClassId))
                .Append(", ln = ").Append(LuaText.Quote(o.LogicalName)).AppendLine(" },");
        }
        lua.AppendLine("}");
        lua.AppendLine();
    }
}
