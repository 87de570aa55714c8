using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;
using Microsoft.Extensions.Logging;

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

    /// <summary>
    /// The class for an object-list entry: exactly <paramref name="version"/> when registered, else the nearest
    /// registered version of <paramref name="classId"/> (see <see cref="FindNearest"/>) with a warning on
    /// <paramref name="logger"/> naming both versions; null only when no version of the class is registered.
    /// </summary>
    public CosemClassInfo? Resolve(ushort classId, byte version, ILogger? logger = null)
    {
        if (TryGet(classId, version, out var exact))
        {
            return exact;
        }
        var nearest = FindNearest(classId, version);
        if (nearest is not null && logger is not null)
        {
            RegistryLog.VersionFallback(logger, classId, version, nearest.Name, nearest.Version);
        }
        return nearest;
    }

    /// <summary>
    /// The registered version of <paramref name="classId"/> nearest to <paramref name="version"/>: the highest one below
    /// it (a newer version only appends, so its common attributes read correctly), else the lowest one above it (a
    /// meter older than every known version: attributes it lacks answer with an error, the rest are typed). Null
    /// when no version of the class is registered.
    /// </summary>
    public CosemClassInfo? FindNearest(ushort classId, byte version)
    {
        var below = FindBestMatch(classId, version);
        if (below is not null)
        {
            return below;
        }
        CosemClassInfo? above = null;
        foreach (var info in _classes.Values)
        {
            if (info.ClassId == classId && info.Version > version && (above is null || info.Version < above.Version))
            {
                above = info;
            }
        }
        return above;
    }

    /// <summary>A typed proxy for one object-list entry: the class of exactly that version, else the nearest
    /// registered version with a warning on <paramref name="logger"/> (<see cref="Resolve"/>); null when no version of
    /// the class is registered.</summary>
    public CosemProxy? CreateProxy(ICosemSession session, ushort classId, byte version, ObisCode logicalName, ILogger? logger = null) =>
        Resolve(classId, version, logger)?.CreateProxy(session, logicalName);
}
