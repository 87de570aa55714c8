using System.Globalization;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;

namespace Cosem.Cli.Commands;

/// <summary>
/// The push object lists given to <c>cosem listen --objects</c>: each a comma-separated list of
/// CLASS/OBIS/ATTRIBUTE[/DATAINDEX] entries (as push_object_list holds them). A data-notification is typed with the
/// list that has as many entries as its body has elements and, when the list starts with a Push setup's logical name
/// (class 40, attribute 1), whose push setup named itself in the first element. With a device profile
/// (<see cref="ListenDeviceProfile"/>), an entry may name a member of it instead: MEMBER/ATTRIBUTE[/DATAINDEX].
/// </summary>
internal static class ListenObjectLists
{
    private const ushort PushSetupClass = 40;

    public static IReadOnlyList<PushObjectDescriptor> Parse(string text, ListenDeviceProfile? profile = null)
    {
        var entries = new List<PushObjectDescriptor>();
        foreach (var entry in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split('/');
            if (profile is not null && parts.Length is 2 or 3 && !ushort.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                entries.Add(MemberEntry(entry, parts, profile));
                continue;
            }
            if (parts.Length is < 3 or > 4
                || !ushort.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var classId)
                || !ObisCode.TryParse(parts[1], out var logicalName)
                || !sbyte.TryParse(parts[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var attribute)
                || (parts.Length == 4 && !ushort.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                throw new ArgumentException($"--objects entry '{entry}' is not CLASS/OBIS/ATTRIBUTE[/DATAINDEX] (e.g. 3/1.0.1.8.0.255/2).");
            }
            var dataIndex = parts.Length == 4 ? ushort.Parse(parts[3], CultureInfo.InvariantCulture) : (ushort)0;
            entries.Add(new PushObjectDescriptor(classId, logicalName, attribute, dataIndex));
        }
        return entries.Count > 0 ? entries : throw new ArgumentException("--objects names no entry.");
    }

    // MEMBER/ATTRIBUTE[/DATAINDEX]: class and logical name from the device profile.
    private static PushObjectDescriptor MemberEntry(string entry, string[] parts, ListenDeviceProfile profile)
    {
        if (!profile.TryFind(parts[0], out var classId, out var logicalName))
        {
            throw new ArgumentException($"--objects entry '{entry}': the device profile {profile.Name} has no member '{parts[0]}'.");
        }
        if (!sbyte.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var attribute)
            || (parts.Length == 3 && !ushort.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            throw new ArgumentException($"--objects entry '{entry}' is not MEMBER/ATTRIBUTE[/DATAINDEX] (e.g. ActiveEnergyImport/2).");
        }
        var dataIndex = parts.Length == 3 ? ushort.Parse(parts[2], CultureInfo.InvariantCulture) : (ushort)0;
        return new PushObjectDescriptor(classId, logicalName, attribute, dataIndex);
    }

    /// <summary>The lookup the listener types each notification with; null when no list was given.</summary>
    public static Func<PushNotification, IReadOnlyList<PushObjectDescriptor>?>? Lookup(IReadOnlyList<IReadOnlyList<PushObjectDescriptor>> lists)
    {
        if (lists.Count == 0)
        {
            return null;
        }
        return notification =>
        {
            var body = notification.Body;
            if (body.Type != DataType.Structure)
            {
                return null;
            }
            foreach (var list in lists)
            {
                if (list.Count != body.Count)
                {
                    continue;
                }
                var first = list[0];
                if (first.ClassId == PushSetupClass && first.AttributeIndex == 1 && first.DataIndex == 0
                    && !NamesItself(body[0], first.LogicalName))
                {
                    continue;
                }
                return list;
            }
            return null;
        };
    }

    private static bool NamesItself(CosemData value, ObisCode logicalName)
    {
        try
        {
            return value.AsObisCode() == logicalName;
        }
        catch (Exception e) when (e is Cosem.Sdk.CosemException or InvalidOperationException)
        {
            return false;
        }
    }
}
