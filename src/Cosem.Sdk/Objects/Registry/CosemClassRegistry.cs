using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;

namespace Cosem.Sdk.Objects;

/// <summary>
/// Interface classes by class id and version. Generated code registers every class it emits in
/// <see cref="Default"/> when its assembly loads, so an association's object list (class id, version, logical
/// name) can be turned into typed proxies.
/// </summary>
public sealed class CosemClassRegistry
{
    private readonly ConcurrentDictionary<(ushort ClassId, byte Version), CosemClassInfo> _classes = new();

    /// <summary>The registry generated classes add themselves to: the SDK's Blue Book classes and every class a
    /// referencing project generates from its own schema files.</summary>
    public static CosemClassRegistry Default { get; } = new();

    /// <summary>Adds or replaces the class with the same id and version (a project may supersede a built-in class).</summary>
    public void Register(CosemClassInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        _classes[(info.ClassId, info.Version)] = info;
        ObjectModel.ShortNameLayouts.Register(info.ClassId, info.Version, info.Attributes, info.Methods);
    }

    /// <summary>The class registered for exactly <paramref name="classId"/> and <paramref name="version"/>; false when
    /// none is.</summary>
    public bool TryGet(ushort classId, byte version, [NotNullWhen(true)] out CosemClassInfo? info) =>
        _classes.TryGetValue((classId, version), out info);

    /// <summary>The highest registered version of <paramref name="classId"/> not above <paramref name="version"/>:
    /// a newer class version only appends attributes and methods, so an older proxy still reads a newer object.</summary>
    public CosemClassInfo? FindBestMatch(ushort classId, byte version)
    {
        CosemClassInfo? best = null;
        foreach (var info in _classes.Values)
        {
            if (info.ClassId == classId && info.Version <= version && (best is null || info.Version > best.Version))
            {
                best = info;
            }
        }
        return best;
    }

    /// <summary>All registered classes ordered by class id and version.</summary>
    public IReadOnlyList<CosemClassInfo> Classes =>
        _classes.Values.OrderBy(c => c.ClassId).ThenBy(c => c.Version).ToArray();

    /// <summary>A typed proxy for one object-list entry, or null when no version of the class is registered.</summary>
    public CosemProxy? CreateProxy(ICosemSession session, ushort classId, byte version, ObisCode logicalName) =>
        (TryGet(classId, version, out var exact) ? exact : FindBestMatch(classId, version))?.CreateProxy(session, logicalName);
}
