using System.Globalization;
using Cosem.Sdk.Client;
using Cosem.Sdk.Generators.Model;
using Cosem.Sdk.Generators.Parsing;
using Cosem.Sdk.Obis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Cosem.Cli.Commands;

/// <summary>
/// A device profile (schema/devices/*.cosem.xml, read with the source generator's parser, as the generator reads it)
/// given to <c>cosem listen --device-profile</c>: its members name the objects of push object lists
/// (<c>MEMBER/ATTRIBUTE[/DATAINDEX]</c> in <c>--objects</c>) and the typed values of the objects it holds.
/// </summary>
internal sealed class ListenDeviceProfile
{
    private readonly Dictionary<string, (ushort ClassId, ObisCode LogicalName)> _members;
    private readonly Dictionary<(ushort ClassId, ObisCode LogicalName), string> _names;

    private ListenDeviceProfile(string name, Dictionary<string, (ushort, ObisCode)> members)
    {
        Name = name;
        _members = members;
        _names = members.ToDictionary(m => m.Value, m => m.Key);
    }

    /// <summary>The device's name (the file's <c>device name</c>).</summary>
    public string Name { get; }

    /// <summary>Reads <paramref name="file"/>; a class given by name is resolved with the SDK's schema files.</summary>
    /// <exception cref="ArgumentException">The file cannot be read, has errors, or declares no device.</exception>
    public static ListenDeviceProfile Load(FileInfo file, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = File.ReadAllText(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"--device-profile {file.FullName} cannot be read: {e.Message}");
        }
        var parsed = SchemaParser.Parse(file.FullName, SourceText.From(text), new SchemaFileOptions(false, null), cancellationToken);
        if (parsed.Diagnostics.FirstOrDefault(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error) is { } error)
        {
            throw new ArgumentException($"--device-profile {file.Name} line {error.Location.Line}: {error.Descriptor.Id} " +
                string.Format(CultureInfo.InvariantCulture, error.Descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture),
                    error.Arguments.Select(a => (object?)a).ToArray()));
        }
        var device = parsed.Device ?? throw new ArgumentException($"--device-profile {file.Name} declares no <device>.");
        Dictionary<string, ushort>? classIds = null;
        var members = new Dictionary<string, (ushort, ObisCode)>(StringComparer.Ordinal);
        foreach (var obj in device.Objects)
        {
            if (!ushort.TryParse(obj.Class, NumberStyles.None, CultureInfo.InvariantCulture, out var classId))
            {
                classIds ??= Wireshark.SchemaCatalog.Load([], cancellationToken).Classes
                    .GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (ushort)g.First().ClassId, StringComparer.Ordinal);
                if (!classIds.TryGetValue(obj.Class, out classId))
                {
                    throw new ArgumentException($"--device-profile {file.Name}: {obj.Member} has class '{obj.Class}', which no schema file declares.");
                }
            }
            members[obj.Member] = (classId, ObisCode.Parse(obj.LogicalName));
        }
        return new ListenDeviceProfile(device.Name, members);
    }

    /// <summary>The class and logical name of member <paramref name="member"/>, if the profile has it.</summary>
    public bool TryFind(string member, out ushort classId, out ObisCode logicalName)
    {
        var found = _members.TryGetValue(member, out var entry);
        (classId, logicalName) = entry;
        return found;
    }

    /// <summary>How a typed value is named: MEMBER/ATTRIBUTE[/DATAINDEX] for an object of the profile, else
    /// CLASS/OBIS/ATTRIBUTE[/DATAINDEX].</summary>
    public static string Describe(PushObjectDescriptor entry, ListenDeviceProfile? profile) =>
        profile?.MemberOf(entry) is { } member
            ? entry.DataIndex == 0 ? $"{member}/{entry.AttributeIndex}" : $"{member}/{entry.AttributeIndex}/{entry.DataIndex}"
            : entry.ToString();

    /// <summary>The member holding the object of <paramref name="entry"/>, or null.</summary>
    public string? MemberOf(PushObjectDescriptor entry) => _names.GetValueOrDefault((entry.ClassId, entry.LogicalName));
}
