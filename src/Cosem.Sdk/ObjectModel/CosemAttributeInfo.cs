namespace Cosem.Sdk.ObjectModel;

/// <summary>What the server needs to know about one attribute of an interface class.</summary>
/// <param name="Index">Attribute index (1 is logical_name).</param>
/// <param name="Name">Blue Book name, e.g. <c>time_zone</c>.</param>
/// <param name="Access">Default access; an association may grant or restrict it.</param>
/// <param name="IsStatic">Static (configuration) rather than dynamic (process) value.</param>
/// <param name="ShortNameOffset">Offset from the object's base name for SN referencing, or -1 when none.</param>
/// <param name="AccessSelectors">Selective-access selectors supported (profile generic: 1 range, 2 entry).</param>
public sealed record CosemAttributeInfo(
    int Index,
    string Name,
    AttributeAccess Access,
    bool IsStatic,
    int ShortNameOffset,
    IReadOnlyList<byte> AccessSelectors)
{
    /// <summary>Describes an attribute that supports no selective access.</summary>
    /// <param name="index">Attribute index (1 is logical_name).</param>
    /// <param name="name">Blue Book name, e.g. <c>time_zone</c>.</param>
    /// <param name="access">Default access; an association may grant or restrict it.</param>
    /// <param name="isStatic">Static (configuration) rather than dynamic (process) value.</param>
    /// <param name="shortNameOffset">Offset from the object's base name for SN referencing, or -1 when none.</param>
    public CosemAttributeInfo(int index, string name, AttributeAccess access, bool isStatic, int shortNameOffset)
        : this(index, name, access, isStatic, shortNameOffset, [])
    {
    }

    /// <summary>Whether <paramref name="selector"/> is in <see cref="AccessSelectors"/> (e.g. 1 range or 2 entry for a
    /// profile generic buffer).</summary>
    public bool SupportsSelector(byte selector) => AccessSelectors.Contains(selector);
}
