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
    public CosemAttributeInfo(int index, string name, AttributeAccess access, bool isStatic, int shortNameOffset)
        : this(index, name, access, isStatic, shortNameOffset, [])
    {
    }

    public bool SupportsSelector(byte selector) => AccessSelectors.Contains(selector);
}
