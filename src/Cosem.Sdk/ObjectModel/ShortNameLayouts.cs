using System.Collections.Concurrent;

namespace Cosem.Sdk.ObjectModel;

/// <summary>
/// The short-name offsets of every known interface class version, for SN referencing (IEC 62056-6-2 §4.1.3: an
/// attribute or method is addressed by the object's base name plus a class-defined offset). The class registry
/// fills it as classes load, so the client — which sits below the generated classes — can address a method by
/// its short name from the class id and version alone.
/// </summary>
internal static class ShortNameLayouts
{
    private static readonly ConcurrentDictionary<(ushort ClassId, byte Version), (IReadOnlyList<CosemAttributeInfo> Attributes, IReadOnlyList<CosemMethodInfo> Methods)> Layouts = new();

    public static void Register(ushort classId, byte version, IReadOnlyList<CosemAttributeInfo> attributes, IReadOnlyList<CosemMethodInfo> methods) =>
        Layouts[(classId, version)] = (attributes, methods);

    /// <summary>The offset of method <paramref name="methodIndex"/> of the class, from the exact version or the
    /// highest known one below it (a newer version only appends); -1 when no known version defines one.</summary>
    public static int MethodOffset(ushort classId, byte version, int methodIndex)
    {
        foreach (var method in Find(classId, version)?.Methods ?? [])
        {
            if (method.Index == methodIndex)
            {
                return method.ShortNameOffset;
            }
        }
        return -1;
    }

    /// <summary>The offset of attribute <paramref name="attributeIndex"/>: the class's own (-1 where the class gives the
    /// attribute no short name), else — class or attribute unknown — the general rule 8 × (index − 1).</summary>
    public static int AttributeOffset(ushort classId, byte version, int attributeIndex)
    {
        foreach (var attribute in Find(classId, version)?.Attributes ?? [])
        {
            if (attribute.Index == attributeIndex)
            {
                return attribute.ShortNameOffset;
            }
        }
        return 8 * (attributeIndex - 1);
    }

    private static (IReadOnlyList<CosemAttributeInfo> Attributes, IReadOnlyList<CosemMethodInfo> Methods)? Find(ushort classId, byte version)
    {
        if (Layouts.TryGetValue((classId, version), out var exact))
        {
            return exact;
        }
        (IReadOnlyList<CosemAttributeInfo>, IReadOnlyList<CosemMethodInfo>)? best = null;
        var bestVersion = -1;
        foreach (var (key, layout) in Layouts)
        {
            if (key.ClassId == classId && key.Version <= version && key.Version > bestVersion)
            {
                best = layout;
                bestVersion = key.Version;
            }
        }
        return best;
    }
}
