using System.Collections.Concurrent;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Obis;

namespace Cosem.Sdk.Server;

/// <summary>
/// The access rights one association grants (Blue Book §4.4.4, access_rights of each object_list_element): a default
/// <see cref="Level"/> applied to each object's class metadata, per-attribute and per-method overrides, and objects
/// left out of the association altogether. Thread-safe: the application may change it while sessions read it.
/// </summary>
public sealed class AssociationAccessRights
{
    private readonly CosemObject _owner;
    private readonly ConcurrentDictionary<(ObisCode, int), AttributeAccess> _attributeOverrides = new();
    private readonly ConcurrentDictionary<(ObisCode, int), MethodAccess> _methodOverrides = new();
    private readonly ConcurrentDictionary<ObisCode, bool> _overridden = new();
    private readonly ConcurrentDictionary<ObisCode, bool> _hidden = new();

    /// <param name="owner">The association object itself: it always follows its own class metadata, so that a
    /// client can read its object list and answer an HLS challenge whatever <see cref="Level"/> says.</param>
    public AssociationAccessRights(CosemObject owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        _owner = owner;
    }

    /// <summary>What the client may do with objects that have no override; the class metadata by default.</summary>
    public AccessLevel Level { get; set; } = AccessLevel.ClassDefault;

    /// <summary>Grants <paramref name="access"/> to one attribute of one object, whatever <see cref="Level"/> says.</summary>
    public void Override(ObisCode logicalName, int attributeIndex, AttributeAccess access)
    {
        _attributeOverrides[(logicalName, attributeIndex)] = access;
        _overridden[logicalName] = true;
    }

    /// <summary>Grants <paramref name="access"/> to one method of one object, whatever <see cref="Level"/> says.</summary>
    public void Override(ObisCode logicalName, int methodIndex, MethodAccess access)
    {
        _methodOverrides[(logicalName, methodIndex)] = access;
        _overridden[logicalName] = true;
    }

    /// <summary>Leaves an object out of this association: absent from object_list, undefined for the client.</summary>
    public void Hide(ObisCode logicalName) => _hidden[logicalName] = true;

    /// <summary>Whether <paramref name="target"/> belongs to this association's object list.</summary>
    public bool IsVisible(CosemObject target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (_hidden.ContainsKey(target.LogicalName))
        {
            return false;
        }
        return Level != AccessLevel.None || _overridden.ContainsKey(target.LogicalName) || ReferenceEquals(target, _owner);
    }

    /// <summary>The access granted to one attribute (Blue Book §4.4.4, attribute_access_item).</summary>
    public AttributeAccess GetAttributeAccess(CosemObject target, int attributeIndex)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!IsVisible(target) || target.FindAttribute(attributeIndex) is not { } attribute)
        {
            return AttributeAccess.NoAccess;
        }
        if (_attributeOverrides.TryGetValue((target.LogicalName, attributeIndex), out var granted))
        {
            return granted;
        }
        if (attributeIndex == 1 || ReferenceEquals(target, _owner))
        {
            return attribute.Access; // logical names are always readable; the association itself follows its class
        }
        return Level switch
        {
            AccessLevel.ClassDefault => attribute.Access,
            AccessLevel.ReadOnly => WithoutWrite(attribute.Access),
            _ => AttributeAccess.NoAccess,
        };
    }

    /// <summary>The access granted to one method (Blue Book §4.4.4, method_access_item).</summary>
    public MethodAccess GetMethodAccess(CosemObject target, int methodIndex)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!IsVisible(target) || target.FindMethod(methodIndex) is not { } method)
        {
            return MethodAccess.NoAccess;
        }
        if (_methodOverrides.TryGetValue((target.LogicalName, methodIndex), out var granted))
        {
            return granted;
        }
        if (ReferenceEquals(target, _owner))
        {
            return method.Access; // reply_to_HLS_authentication must stay reachable for HLS
        }
        return Level == AccessLevel.ClassDefault ? method.Access : MethodAccess.NoAccess;
    }

    private static AttributeAccess WithoutWrite(AttributeAccess access) => access switch
    {
        AttributeAccess.ReadWrite => AttributeAccess.Read,
        AttributeAccess.AuthenticatedReadWrite => AttributeAccess.AuthenticatedRead,
        AttributeAccess.Write or AttributeAccess.AuthenticatedWrite => AttributeAccess.NoAccess,
        _ => access,
    };
}
