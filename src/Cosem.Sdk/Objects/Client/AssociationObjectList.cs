using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;

namespace Cosem.Sdk.Objects;

/// <summary>
/// The object list of the current association as a meter answered it (Association LN attribute 2), in the generated
/// <see cref="ObjectListElement"/> form, with the access modes interpreted for the association's version: versions
/// 0–2 write an access enumeration, version 3 a bit map (<see cref="AttributeAccessMode"/>, <see cref="MethodAccessMode"/>).
/// </summary>
/// <param name="Objects">Every object the association sees, in the meter's order.</param>
/// <param name="AssociationVersion">The Association LN version the access modes are read with: the highest version
/// of the class-15 objects listed (the association lists itself), 3 when none is listed.</param>
public sealed record AssociationObjectList(IReadOnlyList<ObjectListElement> Objects, byte AssociationVersion)
{
    private const ushort AssociationLnClassId = 15;

    /// <summary>Builds the list and infers <see cref="AssociationVersion"/> from the association objects it holds.</summary>
    public static AssociationObjectList From(IReadOnlyList<ObjectListElement> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        byte? version = null;
        foreach (var item in objects)
        {
            if (item.ClassId == AssociationLnClassId && (version is null || item.Version > version))
            {
                version = item.Version;
            }
        }
        return new AssociationObjectList(objects, version ?? 3);
    }

    /// <summary>The entry of <paramref name="logicalName"/>, or null when the association does not see it.</summary>
    public ObjectListElement? Find(ObisCode logicalName)
    {
        foreach (var item in Objects)
        {
            if (item.LogicalName == logicalName)
            {
                return item;
            }
        }
        return null;
    }

    /// <summary>The access granted to attribute <paramref name="index"/> of <paramref name="element"/>; no access when unlisted.</summary>
    public AttributeAccess AttributeAccessOf(ObjectListElement element, sbyte index)
    {
        ArgumentNullException.ThrowIfNull(element);
        foreach (var item in element.AccessRights.AttributeAccess)
        {
            if (item.AttributeId == index)
            {
                return AccessModes.ToAttributeAccess(item.AccessMode, AssociationVersion);
            }
        }
        return AttributeAccess.NoAccess;
    }

    /// <summary>The access granted to method <paramref name="index"/> of <paramref name="element"/>; no access when unlisted.</summary>
    public MethodAccess MethodAccessOf(ObjectListElement element, sbyte index)
    {
        ArgumentNullException.ThrowIfNull(element);
        foreach (var item in element.AccessRights.MethodAccess)
        {
            if (item.MethodId == index)
            {
                return AccessModes.ToMethodAccess(item.AccessMode, AssociationVersion);
            }
        }
        return MethodAccess.NoAccess;
    }

    /// <summary>Whether the association may read attribute <paramref name="index"/> of <paramref name="element"/>.</summary>
    public bool CanRead(ObjectListElement element, sbyte index) =>
        AttributeAccessOf(element, index) is AttributeAccess.Read or AttributeAccess.ReadWrite
            or AttributeAccess.AuthenticatedRead or AttributeAccess.AuthenticatedReadWrite;
}
