using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Axdr;
using Microsoft.Extensions.Logging;
using Cosem.Sdk.ObjectModel;

namespace Cosem.Sdk.Server;

/// <summary>
/// Serves the xDLMS LN services of an established association (IEC 62056-5-3 §9.4): GET, SET and ACTION in all
/// their forms, block transfer both ways, and ACCESS; access rights and negotiated conformance enforced.
/// </summary>
internal sealed partial class ServiceProcessor : IRequestHandler
{
    private readonly long _session;
    private readonly ILogger _logger;
    private readonly SessionRefusals _refusals;
    private readonly int _maxIncomingBlockBytes;
    private readonly ArrayBufferWriter<byte> _value = new(256);
    // Not readonly: a long GET takes this buffer with it (OutgoingBlocks) and leaves another in its place.
    private ArrayBufferWriter<byte> _payload = new(256);

    /// <param name="session">The session number, for the log.</param>
    /// <param name="logger">Where object failures are logged.</param>
    /// <param name="refusals">Where refusals are counted and (rate-limited) logged.</param>
    /// <param name="maxIncomingBlockBytes">Largest SET value or ACTION parameter joined from blocks (<see cref="CosemServerOptions.MaxIncomingBlockBytes"/>).</param>
    public ServiceProcessor(long session, ILogger logger, SessionRefusals refusals, int maxIncomingBlockBytes)
    {
        _session = session;
        _logger = logger;
        _refusals = refusals;
        _maxIncomingBlockBytes = maxIncomingBlockBytes;
    }

    /// <summary>Serves one plain (already opened) request.</summary>
    public async ValueTask HandleAsync(AssociationState association, ReadOnlyMemory<byte> apdu, IBufferWriter<byte> response, CancellationToken cancellationToken)
    {
        if (apdu.Length > association.MaxRequestLength)
        {
            Refuse(response, ExceptionStateError.ServiceNotAllowed, ExceptionServiceError.PduTooLong, $"request of {apdu.Length} bytes exceeds the server PDU size");
            return;
        }
        if (association.IsShortName)
        {
            await HandleShortNameAsync(association, apdu, response, cancellationToken).ConfigureAwait(false);
            return;
        }
        var tag = (ApduTag)apdu.Span[0];
        if (tag is not (ApduTag.GetRequest or ApduTag.SetRequest or ApduTag.ActionRequest or ApduTag.AccessRequest))
        {
            // Services this server does not offer in an LN context without ciphering (SN, ciphered, GBT…).
            Refuse(response, ExceptionStateError.ServiceUnknown, ExceptionServiceError.ServiceNotSupported, $"service {tag} not supported");
            return;
        }
        Apdu.Apdu request;
        try
        {
            request = ApduDecoder.DecodeXdlms(apdu);
        }
        catch (CosemEncodingException ex)
        {
            Refuse(response, ExceptionStateError.ServiceNotAllowed, ExceptionServiceError.OtherReason, $"malformed {tag}: {ex.Message}");
            return;
        }
        if (association.Status != AssociationStatus.Associated && !IsHlsReply(association, request))
        {
            // HLS pending: only reply_to_HLS_authentication may pass (IEC 62056-5-3 §9.2.7.2.4). As outside an
            // association (ServerSession), a confirmed request is told service-not-allowed, an unconfirmed one is dropped.
            var pending = RequestRefusal.NotPossible("association pending authentication");
            if (IsUnconfirmed(apdu.Span))
            {
                pending.Discard(_refusals);
            }
            else
            {
                pending.Answer(_refusals, response);
            }
            return;
        }
        switch (request)
        {
            case GetRequest get:
                if (!Require(association, Conformance.Get, response))
                {
                    return;
                }
                if (get is not GetRequestNext)
                {
                    association.AbortLongServices();
                }
                await HandleGetAsync(association, get, response, cancellationToken).ConfigureAwait(false);
                break;
            case SetRequest set:
                if (!Require(association, Conformance.Set, response))
                {
                    return;
                }
                if (set is not SetRequestWithDataBlock)
                {
                    association.AbortLongServices();
                }
                await HandleSetAsync(association, set, response, cancellationToken).ConfigureAwait(false);
                break;
            case ActionRequest action:
                if (!Require(association, Conformance.Action, response))
                {
                    return;
                }
                if (action is not (ActionRequestWithPBlock or ActionRequestNextPBlock))
                {
                    association.AbortLongServices();
                }
                await HandleActionAsync(association, action, response, cancellationToken).ConfigureAwait(false);
                break;
            case AccessRequest access:
                if (!Require(association, Conformance.Access, response))
                {
                    return;
                }
                association.AbortLongServices();
                await HandleAccessAsync(association, access, response, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>
    /// True for a plain SET, ACTION or ACCESS request whose service-class is unconfirmed (IEC 62056-5-3 §9.4.6: the
    /// Invoke-Id-And-Priority bit 6, bit 30 of the ACCESS Long-Invoke-Id-And-Priority), and an SN UnconfirmedWriteRequest:
    /// no answer is expected. GET is always confirmed; a ciphered request's class is not visible before it is opened, so it counts as confirmed.
    /// </summary>
    internal static bool IsUnconfirmed(ReadOnlySpan<byte> apdu) => apdu.Length >= 3 && (ApduTag)apdu[0] switch
    {
        ApduTag.SetRequest or ApduTag.ActionRequest => (apdu[2] & 0x40) == 0, // tag, request choice, invoke-id-and-priority
        ApduTag.AccessRequest => (apdu[1] & 0x40) == 0, // tag, long-invoke-id-and-priority (big-endian, bit 30)
        _ => false,
    } || apdu.Length >= 1 && (ApduTag)apdu[0] == ApduTag.UnconfirmedWriteRequest; // SN: unconfirmed by its service

    /// <summary>While HLS is pending only reply_to_HLS_authentication of this association may be invoked (IEC 62056-5-3 §9.2.7.2.4).</summary>
    /// <summary>reply_to_HLS_authentication: method 1 of Association LN (15), method 8 of Association SN (12).</summary>
    private static int HlsReplyMethod(ushort associationClassId) => associationClassId == 12 ? 8 : 1;

    private static bool IsHlsReply(AssociationState association, Apdu.Apdu request) =>
        request is ActionRequestNormal { MethodDescriptor: { MethodId: 1 } method }
        && method.ClassId == association.Definition.ClassId
        && (method.InstanceId == RequestContext.CurrentAssociation || method.InstanceId == association.Definition.LogicalName);

    /// <summary>A service or option the association did not negotiate is refused outright (IEC 62056-5-3 §9.4.6.1).</summary>
    private bool Require(AssociationState association, Conformance service, IBufferWriter<byte> response)
    {
        if (association.Allows(service))
        {
            return true;
        }
        Refuse(response, ExceptionStateError.ServiceNotAllowed, ExceptionServiceError.ServiceNotSupported, $"{service} not negotiated");
        return false;
    }

    private void Refuse(IBufferWriter<byte> response, ExceptionStateError state, ExceptionServiceError service, string reason) =>
        new RequestRefusal(state, service, reason).Answer(_refusals, response);

    /// <summary>The object a descriptor addresses in this association, or null when it is undefined here.</summary>
    private static CosemObject? Resolve(AssociationState association, ushort classId, Obis.ObisCode logicalName)
    {
        if (classId == association.Definition.ClassId && logicalName == RequestContext.CurrentAssociation)
        {
            return association.DefinitionObject; // Blue Book §4.4.4: 0.0.40.0.0.255 is the current association
        }
        var target = association.Device.Find(classId, logicalName);
        return target is not null && association.Definition.AccessRights.IsVisible(target) ? target : null;
    }

    private static DataAccessResult CheckRead(AttributeAccess access) => access switch
    {
        AttributeAccess.Read or AttributeAccess.ReadWrite => DataAccessResult.Success,
        // Authenticated access needs an authenticated (ciphered) request, which this association cannot carry.
        AttributeAccess.AuthenticatedRead or AttributeAccess.AuthenticatedReadWrite => DataAccessResult.ScopeOfAccessViolated,
        _ => DataAccessResult.ReadWriteDenied,
    };

    private static DataAccessResult CheckWrite(AttributeAccess access) => access switch
    {
        AttributeAccess.Write or AttributeAccess.ReadWrite => DataAccessResult.Success,
        AttributeAccess.AuthenticatedWrite or AttributeAccess.AuthenticatedReadWrite => DataAccessResult.ScopeOfAccessViolated,
        _ => DataAccessResult.ReadWriteDenied,
    };

    private static ActionResult CheckInvoke(MethodAccess access) => access switch
    {
        MethodAccess.Access => ActionResult.Success,
        MethodAccess.AuthenticatedAccess => ActionResult.ScopeOfAccessViolated,
        _ => ActionResult.ReadWriteDenied,
    };

    private bool IsOwnCancellation(Exception ex, CancellationToken cancellationToken) =>
        ex is OperationCanceledException && cancellationToken.IsCancellationRequested;

    /// <summary>Octets of an A-XDR length prefix for <paramref name="length"/>.</summary>
    private static int LengthSize(int length) => AxdrWriter.GetLengthSize(length);

    /// <summary>
    /// The largest raw-data block that keeps an APDU of <paramref name="overhead"/> fixed octets plus the block's
    /// length prefix within <paramref name="maxPdu"/>.
    /// </summary>
    private static int BlockSize(int maxPdu, int overhead)
    {
        var size = maxPdu - overhead - 1;
        while (size > 0 && overhead + LengthSize(size) + size > maxPdu)
        {
            size--;
        }
        return Math.Max(size, 1);
    }
}
