using System.Buffers;
using System.Collections.Concurrent;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Cosem.Sdk.Client;
using Cosem.Sdk.Obis;

namespace Cosem.Sdk.Server;

/// <summary>
/// An Association LN object (interface class 15, version 3; Blue Book §4.4.4) as a server hosts it: it admits one
/// client address with one authentication mechanism and defines what that client may read, write and invoke.
/// Its attributes answer from the live association (object_list with this association's access rights,
/// associated_partners_id, xdlms_context_info, association_status …).
/// </summary>
/// <example><code>
/// new ClientAssociation("0.0.40.0.2.255", clientAddress: 1) { Authentication = AssociationAuthentication.Low("12345678") }
/// </code></example>
public class ClientAssociation : CosemObject
{
    /// <summary>Class id of Association LN.</summary>
    public const ushort AssociationLnClassId = 15;

    private static readonly CosemAttributeInfo[] s_attributes =
    [
        new(1, "logical_name", AttributeAccess.Read, true, 0x00),
        new(2, "object_list", AttributeAccess.Read, true, 0x08),
        new(3, "associated_partners_id", AttributeAccess.Read, true, 0x10),
        new(4, "application_context_name", AttributeAccess.Read, true, 0x18),
        new(5, "xdlms_context_info", AttributeAccess.Read, true, 0x20),
        new(6, "authentication_mechanism_name", AttributeAccess.Read, true, 0x28),
        new(7, "secret", AttributeAccess.Write, true, 0x30),
        new(8, "association_status", AttributeAccess.Read, false, 0x38),
        new(9, "security_setup_reference", AttributeAccess.Read, true, 0x40),
        new(10, "user_list", AttributeAccess.Read, true, 0x48),
        new(11, "current_user", AttributeAccess.Read, false, 0x50),
    ];

    private static readonly CosemMethodInfo[] s_methods =
    [
        new(1, "reply_to_hls_authentication", MethodAccess.Access, 0x60),
        new(2, "change_hls_secret", MethodAccess.Access, 0x68),
        new(3, "add_object", MethodAccess.Access, 0x70),
        new(4, "remove_object", MethodAccess.Access, 0x78),
        new(5, "add_user", MethodAccess.Access, 0x80),
        new(6, "remove_user", MethodAccess.Access, 0x88),
    ];

    private readonly ConcurrentDictionary<(ObisCode, int), AttributeAccess> _attributeOverrides = new();
    private readonly ConcurrentDictionary<(ObisCode, int), MethodAccess> _methodOverrides = new();
    private readonly ConcurrentDictionary<ObisCode, bool> _overridden = new();
    private readonly ConcurrentDictionary<ObisCode, bool> _hidden = new();

    public ClientAssociation(ObisCode logicalName, ushort clientAddress)
        : base(logicalName)
    {
        if (logicalName == RequestContext.CurrentAssociation)
        {
            throw new ArgumentException("0.0.40.0.0.255 is the alias of the current association; give the object its own instance (0.0.40.0.e.255, e > 0).", nameof(logicalName));
        }
        ClientAddress = clientAddress;
    }

    /// <summary>The client SAP this association admits (16 public client, 1 management client, …).</summary>
    public ushort ClientAddress { get; }

    /// <summary>How the client authenticates; <see cref="AssociationAuthentication.None"/> by default.</summary>
    public AssociationAuthentication Authentication { get; init; } = AssociationAuthentication.None;

    /// <summary>
    /// Ciphering and system titles of this association (suite, policy, keys, counters), or null for an association
    /// without security (application context LN without ciphering only). Several associations may share one.
    /// </summary>
    public AssociationSecurity? Security { get; init; }

    /// <summary>What the client may do with objects that have no override.</summary>
    public AccessLevel Access { get; init; } = AccessLevel.ClassDefault;

    /// <summary>security_setup_reference (attribute 9): the Security setup object of this association.</summary>
    public ObisCode SecuritySetupReference { get; init; } = new(0, 0, 0, 0, 0, 0);

    public override ushort ClassId => AssociationLnClassId;

    public override byte Version => 3;

    public override IReadOnlyList<CosemAttributeInfo> Attributes => s_attributes;

    public override IReadOnlyList<CosemMethodInfo> Methods => s_methods;

    /// <summary>Grants <paramref name="access"/> to one attribute of one object, whatever <see cref="Access"/> says.</summary>
    public ClientAssociation Override(ObisCode logicalName, int attributeIndex, AttributeAccess access)
    {
        _attributeOverrides[(logicalName, attributeIndex)] = access;
        _overridden[logicalName] = true;
        return this;
    }

    /// <summary>Grants <paramref name="access"/> to one method of one object, whatever <see cref="Access"/> says.</summary>
    public ClientAssociation Override(ObisCode logicalName, int methodIndex, MethodAccess access)
    {
        _methodOverrides[(logicalName, methodIndex)] = access;
        _overridden[logicalName] = true;
        return this;
    }

    /// <summary>Leaves an object out of this association: absent from object_list, undefined for the client.</summary>
    public ClientAssociation Hide(ObisCode logicalName)
    {
        _hidden[logicalName] = true;
        return this;
    }

    /// <summary>Whether the object is part of this association's object list.</summary>
    public bool IsVisible(CosemObject target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (_hidden.ContainsKey(target.LogicalName))
        {
            return false;
        }
        return Access != AccessLevel.None || _overridden.ContainsKey(target.LogicalName) || ReferenceEquals(target, this);
    }

    /// <summary>The access this association grants to one attribute (Blue Book §4.4.4, attribute_access_item).</summary>
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
        if (attributeIndex == 1 || ReferenceEquals(target, this))
        {
            return attribute.Access; // logical names are always readable; the association itself follows its class
        }
        return Access switch
        {
            AccessLevel.ClassDefault => attribute.Access,
            AccessLevel.ReadOnly => WithoutWrite(attribute.Access),
            _ => AttributeAccess.NoAccess,
        };
    }

    /// <summary>The access this association grants to one method (Blue Book §4.4.4, method_access_item).</summary>
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
        if (ReferenceEquals(target, this))
        {
            return method.Access; // reply_to_HLS_authentication must stay reachable for HLS
        }
        return Access == AccessLevel.ClassDefault ? method.Access : MethodAccess.NoAccess;
    }

    private static AttributeAccess WithoutWrite(AttributeAccess access) => access switch
    {
        AttributeAccess.ReadWrite => AttributeAccess.Read,
        AttributeAccess.AuthenticatedReadWrite => AttributeAccess.AuthenticatedRead,
        AttributeAccess.Write or AttributeAccess.AuthenticatedWrite => AttributeAccess.NoAccess,
        _ => access,
    };

    // ---- attributes -------------------------------------------------------------------------------------------

    protected override ValueTask<DataAccessResult> ReadAttributeCoreAsync(
        int index, SelectiveAccessDescriptor? access, RequestContext context, IBufferWriter<byte> output, CancellationToken cancellationToken)
    {
        var live = (context as ServerRequestContext)?.Association is { } association && ReferenceEquals(association.Definition, this)
            ? association
            : null;
        var writer = new AxdrWriter(output);
        switch (index)
        {
            case 2:
                var device = (context as ServerRequestContext)?.Association.Device;
                WriteObjectList(ref writer, device);
                break;
            case 3:
                // associated_partners_id: client_SAP integer, server_SAP long-unsigned.
                writer.WriteStructureHeader(2);
                writer.WriteInt8(unchecked((sbyte)(byte)ClientAddress));
                writer.WriteUInt16(live?.ServerAddress ?? (context as ServerRequestContext)?.Association.ServerAddress ?? 0);
                break;
            case 4:
                WriteObjectIdentifier(ref writer, 1, (byte)(live?.ApplicationContext ?? ApplicationContextName.LogicalName));
                break;
            case 5:
                WriteXdlmsContext(ref writer, live, context as ServerRequestContext);
                break;
            case 6:
                WriteObjectIdentifier(ref writer, 2, (byte)Authentication.Mechanism);
                break;
            case 7:
                return new(DataAccessResult.ReadWriteDenied); // the secret is write-only (Blue Book §4.4.4)
            case 8:
                writer.WriteEnum((byte)(live?.Status ?? ServerAssociationStatus.NonAssociated));
                break;
            case 9:
                writer.WriteObisCode(SecuritySetupReference);
                break;
            case 10:
                writer.WriteArrayHeader(0);
                break;
            case 11:
                writer.WriteStructureHeader(2);
                writer.WriteUInt8(0);
                writer.WriteVisibleString(string.Empty);
                break;
            default:
                return new(DataAccessResult.ObjectUndefined);
        }
        writer.Flush();
        return new(DataAccessResult.Success);
    }

    private void WriteObjectList(ref AxdrWriter writer, LogicalDevice? device)
    {
        var objects = device?.Objects ?? [this];
        var count = 0;
        foreach (var item in objects)
        {
            if (IsVisible(item))
            {
                count++;
            }
        }
        writer.WriteArrayHeader(count);
        foreach (var item in objects)
        {
            if (!IsVisible(item))
            {
                continue;
            }
            // object_list_element: class_id, version, logical_name, access_rights.
            writer.WriteStructureHeader(4);
            writer.WriteUInt16(item.ClassId);
            writer.WriteUInt8(item.Version);
            writer.WriteObisCode(item.LogicalName);
            writer.WriteStructureHeader(2);
            var attributes = item.Attributes;
            writer.WriteArrayHeader(attributes.Count);
            foreach (var attribute in attributes)
            {
                writer.WriteStructureHeader(3);
                writer.WriteInt8((sbyte)attribute.Index);
                writer.WriteEnum(ToVersion3(GetAttributeAccess(item, attribute.Index)));
                if (attribute.AccessSelectors.Count == 0)
                {
                    writer.WriteNull();
                }
                else
                {
                    writer.WriteArrayHeader(attribute.AccessSelectors.Count);
                    foreach (var selector in attribute.AccessSelectors)
                    {
                        writer.WriteInt8((sbyte)selector);
                    }
                }
            }
            var methods = item.Methods;
            writer.WriteArrayHeader(methods.Count);
            foreach (var method in methods)
            {
                writer.WriteStructureHeader(2);
                writer.WriteInt8((sbyte)method.Index);
                writer.WriteEnum(ToVersion3(GetMethodAccess(item, method.Index)));
            }
        }
    }

    // Version 3 access modes are bit maps: bit 0 read (or method access), bit 1 write, bit 2 authenticated request.
    private static byte ToVersion3(AttributeAccess access) => access switch
    {
        AttributeAccess.Read => 1,
        AttributeAccess.Write => 2,
        AttributeAccess.ReadWrite => 3,
        AttributeAccess.AuthenticatedRead => 1 | 4,
        AttributeAccess.AuthenticatedWrite => 2 | 4,
        AttributeAccess.AuthenticatedReadWrite => 3 | 4,
        _ => 0,
    };

    private static byte ToVersion3(MethodAccess access) => access switch
    {
        MethodAccess.Access => 1,
        MethodAccess.AuthenticatedAccess => 1 | 4,
        _ => 0,
    };

    // context_name / mechanism_name in their octet-string form: the BER contents of {2 16 756 5 8 kind id}.
    private static void WriteObjectIdentifier(ref AxdrWriter writer, byte kind, byte id)
    {
        ReadOnlySpan<byte> oid = [0x60, 0x85, 0x74, 0x05, 0x08, kind, id];
        writer.WriteOctetString(oid);
    }

    private static void WriteXdlmsContext(ref AxdrWriter writer, ServerAssociation? live, ServerRequestContext? context)
    {
        // xDLMS_context_type: conformance, max_receive_pdu_size, max_send_pdu_size, dlms_version_number,
        // quality_of_service, cyphering_info.
        var reference = live ?? context?.Association;
        var conformance = (uint)(live?.NegotiatedConformance ?? reference?.NegotiatedConformance ?? Conformance.None);
        Span<byte> bits = [(byte)(conformance >> 16), (byte)(conformance >> 8), (byte)conformance];
        writer.WriteStructureHeader(6);
        writer.WriteBitString(bits, 24);
        writer.WriteUInt16(reference?.ServerMaxReceivePduSize ?? 0);
        writer.WriteUInt16(reference?.ClientMaxReceivePduSize ?? 0);
        writer.WriteUInt8(6);
        writer.WriteInt8(0);
        writer.WriteOctetString([]);
    }

    protected override ValueTask<DataAccessResult> WriteAttributeCoreAsync(
        int index, ReadOnlyMemory<byte> value, RequestContext context, CancellationToken cancellationToken)
    {
        if (index != 7)
        {
            return new(DataAccessResult.ReadWriteDenied); // derived from the association's state, not stored
        }
        if (!TryDecode(value, static (ref AxdrReader reader) => reader.ReadOctetString().ToArray(), out var secret))
        {
            return TypeUnmatched;
        }
        return new(Authentication.TryChangeSecret(secret) ? DataAccessResult.Success : DataAccessResult.ReadWriteDenied);
    }

    // ---- methods ----------------------------------------------------------------------------------------------

    protected override async ValueTask<ActionResult> InvokeMethodCoreAsync(
        int index, ReadOnlyMemory<byte> parameter, RequestContext context, IBufferWriter<byte> output, CancellationToken cancellationToken)
    {
        switch (index)
        {
            case 1:
                if (context is not ServerRequestContext { Association: { } association } || !ReferenceEquals(association.Definition, this))
                {
                    return ActionResult.ReadWriteDenied; // only the client being authenticated may answer its challenge
                }
                if (!TryDecode(parameter, static (ref AxdrReader reader) => reader.ReadOctetString().ToArray(), out var response))
                {
                    return ActionResult.TypeUnmatched;
                }
                var reply = await Authentication.ReplyToChallengeAsync(response, association, cancellationToken).ConfigureAwait(false);
                if (reply is not { } serverResponse)
                {
                    // IEC 62056-5-3 §9.2.7.2.4: f(StoC) not verified; the association is not established.
                    association.Status = ServerAssociationStatus.NonAssociated;
                    return ActionResult.OtherReason;
                }
                association.Status = ServerAssociationStatus.Associated;
                var writer = new AxdrWriter(output);
                writer.WriteOctetString(serverResponse.Span);
                writer.Flush();
                return ActionResult.Success;
            case 2:
                if (!TryDecode(parameter, static (ref AxdrReader reader) => reader.ReadOctetString().ToArray(), out var key))
                {
                    return ActionResult.TypeUnmatched;
                }
                return Authentication.TryChangeSecret(key) ? ActionResult.Success : ActionResult.ReadWriteDenied;
            default:
                // add/remove object and user: the object list follows the logical device, it is not edited remotely.
                throw new CosemServiceException(ActionResult.ReadWriteDenied, $"Method {index} of Association LN is not supported by this server.");
        }
    }
}
