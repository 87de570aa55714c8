using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Obis;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Server;
using Cosem.Sdk.Transport;

namespace Cosem.Sdk.Objects;

/// <summary>
/// The Association LN object a server hosts (interface class 15; Blue Book §4.4.4): it admits one client address
/// with one authentication mechanism and defines what that client may read, write and invoke. A subclass of the
/// generated <see cref="AssociationLn"/>, so its attributes, access rights and encodings come from the schema; the
/// attributes that describe the association (object_list, associated_partners_id, contexts, status) answer from the
/// live association of the client asking.
/// </summary>
/// <example><code>
/// new AssociationLnServer("0.0.40.0.2.255", clientAddress: 1) { Authentication = AssociationAuthentication.Low("12345678") }
/// </code></example>
public class AssociationLnServer : AssociationLn, IAssociationObject
{
    // ISO/IEC 8824 object identifier arcs {2 16 756 5 8}: the DLMS UA prefix of context and mechanism names.
    private const byte ContextNameArc = 1;
    private const byte MechanismNameArc = 2;

    /// <summary>Creates the association object admitting <paramref name="clientAddress"/>.</summary>
    /// <param name="logicalName">0.0.40.0.e.255 with e &gt; 0; 0.0.40.0.0.255 is only the current-association alias.</param>
    /// <param name="clientAddress">The client SAP this association admits.</param>
    public AssociationLnServer(ObisCode logicalName, CosemAddress clientAddress)
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

    /// <summary>How the client authenticates; <see cref="AssociationAuthentication.None"/> by default.</summary>
    public AssociationAuthentication Authentication { get; init; } = AssociationAuthentication.None;

    /// <summary>
    /// Ciphering and system titles of this association (suite, policy, keys, counters), or null for an association
    /// without security (application context LN without ciphering only). Several associations may share one.
    /// </summary>
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
    public AssociationLnServer Override(ObisCode logicalName, int attributeIndex, AttributeAccess access)
    {
        AccessRights.Override(logicalName, attributeIndex, access);
        return this;
    }

    /// <summary>Grants <paramref name="access"/> to one method of one object, whatever <see cref="Access"/> says.</summary>
    public AssociationLnServer Override(ObisCode logicalName, int methodIndex, MethodAccess access)
    {
        AccessRights.Override(logicalName, methodIndex, access);
        return this;
    }

    /// <summary>Leaves an object out of this association: absent from object_list, undefined for the client.</summary>
    public AssociationLnServer Hide(ObisCode logicalName)
    {
        AccessRights.Hide(logicalName);
        return this;
    }

    /// <summary>The live association of the client asking, when it came through this object.</summary>
    private AssociationState? LiveAssociation(RequestContext context) => AssociationServerMethods.LiveAssociation(this, context);

    /// <summary>object_list: the objects of the client's logical device visible through this association.</summary>
    protected override ValueTask<IReadOnlyList<ObjectListElement>> GetObjectListAsync(RequestContext context, CancellationToken cancellationToken)
    {
        IReadOnlyList<CosemObject> objects = (context as ServerRequestContext)?.Association.Device.Objects ?? [this];
        var list = new List<ObjectListElement>(objects.Count);
        foreach (var item in objects)
        {
            if (AccessRights.IsVisible(item))
            {
                list.Add(ObjectListEntries.Describe(item, AccessRights));
            }
        }
        return new(list);
    }

    /// <summary>associated_partners_id: the client SAP and the logical device the client addressed.</summary>
    protected override ValueTask<AssociatedPartners> GetAssociatedPartnersIdAsync(RequestContext context, CancellationToken cancellationToken) =>
        new(new AssociatedPartners(unchecked((sbyte)(byte)ClientAddress.Value), (context as ServerRequestContext)?.Association.ServerAddress.Value ?? 0));

    /// <summary>application_context_name in its octet-string form: the negotiated context, else LN without ciphering.</summary>
    protected override ValueTask<CosemData> GetApplicationContextNameAsync(RequestContext context, CancellationToken cancellationToken) =>
        new(ObjectIdentifier(ContextNameArc, (byte)(LiveAssociation(context)?.ApplicationContext ?? Apdu.ApplicationContextName.LogicalName)));

    /// <summary>xdlms_context_info: what the association of the client asking negotiated.</summary>
    protected override ValueTask<XdlmsContextInfo> GetXdlmsContextInfoAsync(RequestContext context, CancellationToken cancellationToken)
    {
        var association = LiveAssociation(context) ?? (context as ServerRequestContext)?.Association;
        return new(new XdlmsContextInfo(
            association?.NegotiatedConformance ?? Conformance.None,
            association?.ServerMaxReceivePduSize ?? 0,
            association?.ClientMaxReceivePduSize ?? 0,
            DlmsVersionNumber: 6,
            QualityOfService: 0,
            CypheringInfo: ReadOnlyMemory<byte>.Empty));
    }

    /// <summary>authentication_mechanism_name in its octet-string form.</summary>
    protected override ValueTask<CosemData> GetAuthenticationMechanismNameAsync(RequestContext context, CancellationToken cancellationToken) =>
        new(ObjectIdentifier(MechanismNameArc, (byte)Authentication.Mechanism));

    /// <summary>The secret is write-only (Blue Book §4.4.4): reading it is refused whatever the access rights say.</summary>
    protected override ValueTask<ReadOnlyMemory<byte>> GetSecretAsync(RequestContext context, CancellationToken cancellationToken) =>
        ValueTask.FromException<ReadOnlyMemory<byte>>(new CosemServiceException(DataAccessResult.ReadWriteDenied, "The secret is write-only."));

    /// <summary>Writing the secret changes the LLS password or HLS secret, when the mechanism keeps one.</summary>
    protected override ValueTask SetSecretAsync(ReadOnlyMemory<byte> value, RequestContext context, CancellationToken cancellationToken) =>
        Authentication.TryChangeSecret(value.Span)
            ? ValueTask.CompletedTask
            : ValueTask.FromException(new CosemServiceException(DataAccessResult.ReadWriteDenied, "This mechanism keeps no writable secret."));

    /// <summary>association_status of the client asking; non-associated for anyone else.</summary>
    protected override ValueTask<AssociationStatus> GetAssociationStatusAsync(RequestContext context, CancellationToken cancellationToken) =>
        new(LiveAssociation(context)?.Status ?? AssociationStatus.NonAssociated);

    /// <summary>The status follows the AARQ/AARE and HLS exchanges; a client cannot set it.</summary>
    protected override ValueTask SetAssociationStatusAsync(AssociationStatus value, RequestContext context, CancellationToken cancellationToken) =>
        ValueTask.FromException(new CosemServiceException(DataAccessResult.ReadWriteDenied, "association_status follows the association."));

    /// <summary>Passes 3 and 4 of HLS: verifies the client's f(StoC) and answers f(CtoS) (IEC 62056-5-3 §9.2.7.2.4).</summary>
    protected override ValueTask<ReadOnlyMemory<byte>> ReplyToHlsAuthenticationAsync(
        ReadOnlyMemory<byte> parameter, RequestContext context, CancellationToken cancellationToken) =>
        AssociationServerMethods.ReplyToHlsAuthenticationAsync(this, Authentication, parameter, context, cancellationToken);

    /// <summary>change_HLS_secret: the new secret for the HLS mechanisms that keep one (3, 4, 6).</summary>
    protected override ValueTask ChangeHlsSecretAsync(ReadOnlyMemory<byte> parameter, RequestContext context, CancellationToken cancellationToken) =>
        AssociationServerMethods.ChangeSecret(Authentication, parameter);

    /// <summary>add_user: appends to user_list (a user id already listed is replaced).</summary>
    protected override ValueTask AddUserAsync(UserEntry parameter, RequestContext context, CancellationToken cancellationToken)
    {
        UserList = [.. UserList.Where(user => user.UserId != parameter.UserId), parameter];
        return ValueTask.CompletedTask;
    }

    /// <summary>remove_user: removes the entry with the same user id from user_list.</summary>
    protected override ValueTask RemoveUserAsync(UserEntry parameter, RequestContext context, CancellationToken cancellationToken)
    {
        UserList = [.. UserList.Where(user => user.UserId != parameter.UserId)];
        return ValueTask.CompletedTask;
    }

    // context_name / mechanism_name in their octet-string form: the BER contents of {2 16 756 5 8 kind id}.
    private static CosemData ObjectIdentifier(byte kind, byte id) => CosemData.OctetString([0x60, 0x85, 0x74, 0x05, 0x08, kind, id]);
}
