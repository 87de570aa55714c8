using System.Collections.Concurrent;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Server;
using Cosem.Sdk.Transport;

namespace Cosem.Sdk.Objects;

/// <summary>
/// The Association SN object a server hosts (interface class 12; Blue Book §4.4.3): it admits one client address
/// with SN referencing (application context 2, or 4 with ciphering) and gives the objects of the logical device
/// their base names. A subclass of the generated <see cref="AssociationSn"/>, so attributes, access rights and
/// encodings come from the schema; object_list and access_rights_list answer from the live logical device.
/// </summary>
/// <remarks>
/// Base names, the same for a given object list every time: this object is at 0xFA00 (the current association);
/// an object given a name with <see cref="AssignBaseName"/> keeps it; every other object, in the logical device's
/// order, takes the lowest multiple of 8 from 0x0100 up whose range (up to its highest attribute or method
/// offset, plus 8) is free. Adding an object at the end never renames the others.
/// </remarks>
/// <example><code>
/// new AssociationSnServer("0.0.40.0.1.255", clientAddress: 16) { Access = AccessLevel.ReadOnly }
///     .AssignBaseName(ObisCode.Parse("0.0.1.0.0.255"), 0x2000)
/// </code></example>
public class AssociationSnServer : AssociationSn, IShortNameAssociation
{
    private readonly ConcurrentDictionary<ObisCode, ushort> _assigned = new();
    private readonly Lock _cacheLock = new();
    private (object? Objects, ShortNameTable? Table) _cache;

    /// <summary>Creates the association object admitting <paramref name="clientAddress"/> with SN referencing.</summary>
    /// <param name="logicalName">0.0.40.0.e.255 with e &gt; 0.</param>
    /// <param name="clientAddress">The client SAP this association admits.</param>
    public AssociationSnServer(ObisCode logicalName, CosemAddress clientAddress)
        : base(logicalName)
    {
        if (logicalName == RequestContext.CurrentAssociation)
        {
            throw new ArgumentException("0.0.40.0.0.255 is the alias of the current association; give the object its own instance (0.0.40.0.e.255, e > 0).", nameof(logicalName));
        }
        ClientAddress = clientAddress;
        AccessRights = new AssociationAccessRights(this);
    }

    /// <inheritdoc/>
    public CosemAddress ClientAddress { get; }

    /// <summary>How the client authenticates: <see cref="AssociationAuthentication.None"/> (default), LLS, or HLS
    /// (mechanisms 3–7), whose pass 3 arrives as reply_to_HLS_authentication (method 8, short name 0xFA58) before
    /// anything else is served.</summary>
    public AssociationAuthentication Authentication { get; init; } = AssociationAuthentication.None;

    /// <summary>Ciphering of this association (context SN with ciphering), or null for plain APDUs.</summary>
    public AssociationSecurity? Security { get; init; }

    /// <inheritdoc/>
    public AssociationAccessRights AccessRights { get; }

    /// <summary>What the client may do with objects that have no override (shorthand for <see cref="AccessRights"/>).</summary>
    public AccessLevel Access
    {
        get => AccessRights.Level;
        init => AccessRights.Level = value;
    }

    /// <summary>Grants <paramref name="access"/> to one attribute of one object, whatever <see cref="Access"/> says.</summary>
    public AssociationSnServer Override(ObisCode logicalName, int attributeIndex, AttributeAccess access)
    {
        AccessRights.Override(logicalName, attributeIndex, access);
        return this;
    }

    /// <summary>Grants <paramref name="access"/> to one method of one object, whatever <see cref="Access"/> says.</summary>
    public AssociationSnServer Override(ObisCode logicalName, int methodIndex, MethodAccess access)
    {
        AccessRights.Override(logicalName, methodIndex, access);
        return this;
    }

    /// <summary>Leaves an object out of this association: absent from object_list, undefined for the client.</summary>
    public AssociationSnServer Hide(ObisCode logicalName)
    {
        AccessRights.Hide(logicalName);
        return this;
    }

    /// <summary>
    /// Gives the object <paramref name="logicalName"/> the base name <paramref name="baseName"/> (a multiple of 8)
    /// instead of an automatic one, e.g. to match a meter a head-end already knows. A name whose range overlaps
    /// another object's fails the next request with an <see cref="InvalidOperationException"/> from the table.
    /// </summary>
    public AssociationSnServer AssignBaseName(ObisCode logicalName, ushort baseName)
    {
        if (baseName % 8 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(baseName), baseName, "A base name is a multiple of 8: the attribute offsets are added to it.");
        }
        _assigned[logicalName] = baseName;
        lock (_cacheLock)
        {
            _cache = default;
        }
        return this;
    }

    /// <summary>The base name this association gives <paramref name="item"/> in <paramref name="device"/>, or null
    /// when the device does not hold it.</summary>
    public ushort? BaseNameOf(LogicalDevice device, CosemObject item)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(item);
        return GetShortNames(device).BaseNameOf(item);
    }

    ShortNameTable IShortNameAssociation.GetShortNames(LogicalDevice device) => GetShortNames(device);

    // Rebuilt when the device's object list changes (LogicalDevice.Add replaces its snapshot array).
    private ShortNameTable GetShortNames(LogicalDevice device)
    {
        var objects = device.Objects;
        lock (_cacheLock)
        {
            if (ReferenceEquals(_cache.Objects, objects) && _cache.Table is { } cached)
            {
                return cached;
            }
            var table = ShortNameTable.Build(objects, this, _assigned);
            _cache = (objects, table);
            return table;
        }
    }

    /// <summary>object_list: the visible objects of the client's logical device with their base names.</summary>
    protected override ValueTask<IReadOnlyList<SnObjectListElement>> GetObjectListAsync(RequestContext context, CancellationToken cancellationToken)
    {
        var list = new List<SnObjectListElement>();
        foreach (var (item, baseName) in Visible(context))
        {
            list.Add(new SnObjectListElement(unchecked((short)baseName), item.ClassId, item.Version, item.LogicalName));
        }
        return new(list);
    }

    /// <summary>access_rights_list: for each visible object its base name and the access this association grants.</summary>
    protected override ValueTask<IReadOnlyList<SnAccessRightsElement>> GetAccessRightsListAsync(RequestContext context, CancellationToken cancellationToken)
    {
        var list = new List<SnAccessRightsElement>();
        foreach (var (item, baseName) in Visible(context))
        {
            var rights = ObjectListEntries.Describe(item, AccessRights).AccessRights;
            // Only what has a short name can be reached over SN (Association SN's own user_list and current_user
            // have none): the rest is left out rather than listed as accessible.
            var attributes = rights.AttributeAccess.Where(a => item.FindAttribute(a.AttributeId)?.ShortNameOffset >= 0).ToArray();
            var methods = rights.MethodAccess.Where(m => item.FindMethod(m.MethodId)?.ShortNameOffset >= 0).ToArray();
            list.Add(new SnAccessRightsElement(unchecked((short)baseName), attributes, methods));
        }
        return new(list);
    }

    private IEnumerable<(CosemObject Item, ushort BaseName)> Visible(RequestContext context)
    {
        if ((context as ServerRequestContext)?.Association.Device is not { } device)
        {
            yield return (this, ShortNameTable.CurrentAssociationBaseName);
            yield break;
        }
        var table = GetShortNames(device);
        foreach (var item in device.Objects)
        {
            if (AccessRights.IsVisible(item) && table.BaseNameOf(item) is { } baseName)
            {
                yield return (item, baseName);
            }
        }
    }

    /// <summary>
    /// Passes 3 and 4 of HLS over SN (IEC 62056-5-3 §9.2.7.2.4; method 8 of class 12): verifies the client's
    /// f(StoC) and answers f(CtoS); the association is established only when the reply verifies.
    /// </summary>
    protected override ValueTask<ReadOnlyMemory<byte>> ReplyToHlsAuthenticationAsync(
        ReadOnlyMemory<byte> parameter, RequestContext context, CancellationToken cancellationToken) =>
        AssociationServerMethods.ReplyToHlsAuthenticationAsync(this, Authentication, parameter, context, cancellationToken);

    /// <summary>change_HLS_secret: the new secret for the HLS mechanisms that keep one (3, 4, 6).</summary>
    protected override ValueTask ChangeHlsSecretAsync(ReadOnlyMemory<byte> parameter, RequestContext context, CancellationToken cancellationToken) =>
        AssociationServerMethods.ChangeSecret(Authentication, parameter);

    /// <summary>change_LLS_secret: the new LLS password, when the mechanism keeps one.</summary>
    protected override ValueTask ChangeLlsSecretAsync(ReadOnlyMemory<byte> parameter, RequestContext context, CancellationToken cancellationToken) =>
        AssociationServerMethods.ChangeSecret(Authentication, parameter);
}
