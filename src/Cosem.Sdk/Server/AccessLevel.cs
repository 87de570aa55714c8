using Cosem.Sdk.ObjectModel;

namespace Cosem.Sdk.Server;

/// <summary>
/// What an association grants by default, before per-object overrides
/// (<see cref="AssociationAccessRights.Override(Obis.ObisCode, int, AttributeAccess)"/>).
/// </summary>
public enum AccessLevel
{
    /// <summary>Attributes and methods as the interface class metadata declares them (a management client).</summary>
    ClassDefault,

    /// <summary>The class metadata with every write removed and no method: a public or reading client.</summary>
    ReadOnly,

    /// <summary>Nothing unless overridden: objects without an override are left out of the object list.</summary>
    None,
}
