using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;

namespace Cosem.Sdk.Server;

/// <summary>
/// The base names one SN association gives the objects of its logical device, and the reverse lookup from a short
/// name to an object's attribute or method (IEC 62056-6-2 §4.1.3).
/// </summary>
/// <remarks>
/// The rule, deterministic for a given object list: the association object itself is at 0xFA00 (Blue Book §4.4.3);
/// an object with an explicit base name keeps it; every other object, in the logical device's order, takes the
/// lowest multiple of 8 from 0x0100 up whose range is free, its range being its base name up to its highest
/// attribute or method offset plus 8. The same device therefore always gets the same names, and adding an object
/// at the end never moves the others.
/// </remarks>
internal sealed class ShortNameTable
{
    /// <summary>The base name of the association an SN client talks through.</summary>
    public const ushort CurrentAssociationBaseName = 0xFA00;

    /// <summary>Where automatic assignment starts; below it is left for names a user assigns by hand.</summary>
    public const ushort FirstAutomaticBaseName = 0x0100;

    private readonly Entry[] _byName;
    private readonly Dictionary<object, ushort> _byObject;

    private ShortNameTable(Entry[] byName)
    {
        _byName = byName;
        _byObject = byName.ToDictionary(entry => (object)entry.Object, entry => entry.BaseName, ReferenceEqualityComparer.Instance);
    }

    private readonly record struct Entry(ushort BaseName, int End, CosemObject Object);

    /// <summary>Assigns base names to <paramref name="objects"/> by the rule above.</summary>
    /// <exception cref="InvalidOperationException">Two objects' ranges overlap, or the objects do not fit below 0xFFFF.</exception>
    public static ShortNameTable Build(IReadOnlyList<CosemObject> objects, CosemObject association, IReadOnlyDictionary<ObisCode, ushort> assigned)
    {
        var entries = new List<Entry> { new(CurrentAssociationBaseName, CurrentAssociationBaseName + Span(association), association) };
        foreach (var item in objects)
        {
            if (!ReferenceEquals(item, association) && assigned.TryGetValue(item.LogicalName, out var fixedName))
            {
                Add(entries, new Entry(fixedName, fixedName + Span(item), item));
            }
        }
        var candidate = (int)FirstAutomaticBaseName;
        foreach (var item in objects)
        {
            if (ReferenceEquals(item, association) || assigned.ContainsKey(item.LogicalName))
            {
                continue;
            }
            var span = Span(item);
            while (Overlapping(entries, candidate, candidate + span) is { } taken)
            {
                candidate = RoundUp(taken.End);
            }
            if (candidate + span > 0x10000)
            {
                throw new InvalidOperationException($"The objects of the logical device do not fit the 16-bit short names; assign base names by hand.");
            }
            entries.Add(new Entry((ushort)candidate, candidate + span, item));
            candidate = RoundUp(candidate + span);
        }
        entries.Sort((a, b) => a.BaseName.CompareTo(b.BaseName));
        return new ShortNameTable([.. entries]);
    }

    /// <summary>The base name of <paramref name="target"/>, or null when the table holds no such object.</summary>
    public ushort? BaseNameOf(CosemObject target) => _byObject.TryGetValue(target, out var name) ? name : null;

    /// <summary>
    /// The object whose range holds <paramref name="shortName"/> and what the offset names there: an attribute or a
    /// method at its class offset (an attribute or method whose class gives it no short name cannot be reached).
    /// </summary>
    public bool TryResolve(ushort shortName, out CosemObject target, out ShortNameMember member)
    {
        target = null!;
        member = default;
        var low = 0;
        var high = _byName.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var entry = _byName[middle];
            if (shortName < entry.BaseName)
            {
                high = middle - 1;
            }
            else if (shortName >= entry.End)
            {
                low = middle + 1;
            }
            else
            {
                target = entry.Object;
                return TryMember(entry.Object, shortName - entry.BaseName, out member);
            }
        }
        return false;
    }

    private static bool TryMember(CosemObject target, int offset, out ShortNameMember member)
    {
        foreach (var attribute in target.Attributes)
        {
            if (attribute.ShortNameOffset == offset)
            {
                member = new ShortNameMember(IsMethod: false, attribute.Index);
                return true;
            }
        }
        foreach (var method in target.Methods)
        {
            if (method.ShortNameOffset == offset)
            {
                member = new ShortNameMember(IsMethod: true, method.Index);
                return true;
            }
        }
        member = default;
        return false;
    }

    /// <summary>How many short names an object takes: up to its highest attribute or method offset, plus 8.</summary>
    private static int Span(CosemObject item)
    {
        var highest = 0;
        foreach (var attribute in item.Attributes)
        {
            highest = Math.Max(highest, attribute.ShortNameOffset);
        }
        foreach (var method in item.Methods)
        {
            highest = Math.Max(highest, method.ShortNameOffset);
        }
        return highest + 8;
    }

    private static int RoundUp(int value) => (value + 7) & ~7;

    private static Entry? Overlapping(List<Entry> entries, int start, int end)
    {
        foreach (var entry in entries)
        {
            if (start < entry.End && entry.BaseName < end)
            {
                return entry;
            }
        }
        return null;
    }

    private static void Add(List<Entry> entries, Entry entry)
    {
        if (entry.End > 0x10000)
        {
            throw new InvalidOperationException($"Base name 0x{entry.BaseName:X4} of {entry.Object.LogicalName} runs past the last short name 0xFFFF.");
        }
        if (Overlapping(entries, entry.BaseName, entry.End) is { } clash)
        {
            throw new InvalidOperationException($"Base name 0x{entry.BaseName:X4} of {entry.Object.LogicalName} overlaps the range of {clash.Object.LogicalName}.");
        }
        entries.Add(entry);
    }
}

/// <summary>What a short name addresses within its object: an attribute or a method, by index.</summary>
internal readonly record struct ShortNameMember(bool IsMethod, int Index);
