using System.Buffers;
using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.Server;

// SN referencing (IEC 62056-5-3 §9.5): an SN association is served Read, Write and UnconfirmedWrite only; each
// short name resolves through the association's base names to an attribute (read or written with the same access
// checks as GET/SET) or a method (invoked, with the same checks as ACTION: by a Read whose parameterized access
// carries the parameters and answers the return parameters, or by a Write of the parameters).
internal sealed partial class ServiceProcessor
{
    // One null-data: the parameter of a method read by plain name, and the answer of one that returns nothing.
    private static readonly byte[] NullDataValue = [(byte)Axdr.DataType.NullData];

    private async ValueTask HandleShortNameAsync(AssociationState association, ReadOnlyMemory<byte> apdu, IBufferWriter<byte> response,
        CancellationToken cancellationToken)
    {
        var tag = (ApduTag)apdu.Span[0];
        if (tag is not (ApduTag.ReadRequest or ApduTag.WriteRequest or ApduTag.UnconfirmedWriteRequest))
        {
            Refuse(response, ExceptionStateError.ServiceUnknown, ExceptionServiceError.ServiceNotSupported, $"service {tag} not served in an SN association");
            return;
        }
        var unconfirmed = tag == ApduTag.UnconfirmedWriteRequest;
        Apdu.Apdu request;
        try
        {
            request = ApduDecoder.DecodeXdlms(apdu);
        }
        catch (CosemEncodingException ex)
        {
            RefuseShortName(response, tag, unconfirmed, ServiceErrorKind.Service, (byte)ServiceError.Other, $"malformed {tag}: {ex.Message}");
            return;
        }
        if (association.Status != AssociationStatus.Associated && !IsShortNameHlsReply(association, request))
        {
            // HLS pending: only reply_to_HLS_authentication of the association itself may pass (§9.2.7.2.4).
            RefuseShortName(response, tag, unconfirmed, ServiceErrorKind.Access, (byte)AccessError.ScopeOfAccessViolated, "association pending authentication");
            return;
        }
        var needed = tag switch
        {
            ApduTag.ReadRequest => Conformance.Read,
            ApduTag.WriteRequest => Conformance.Write,
            _ => Conformance.UnconfirmedWrite,
        };
        if (!association.Allows(needed))
        {
            RefuseShortName(response, tag, unconfirmed, ServiceErrorKind.Service, (byte)ServiceError.ServiceUnsupported, $"{needed} not negotiated");
            return;
        }
        switch (request)
        {
            case ReadRequest read:
                await HandleReadAsync(association, read, response, cancellationToken).ConfigureAwait(false);
                break;
            case ShortNameWriteApdu write:
                await HandleShortNameWriteAsync(association, write, unconfirmed ? new NullBufferWriter() : response, unconfirmed, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>
    /// Whether <paramref name="request"/> is pass 3 of HLS over SN: one variable, the short name of the association
    /// object's reply_to_HLS_authentication, invoked by a Read with parameterized access or by a Write.
    /// </summary>
    private bool IsShortNameHlsReply(AssociationState association, Apdu.Apdu request)
    {
        var variable = request switch
        {
            ReadRequest { Variables: [{ Kind: VariableAccessKind.ParameterizedAccess } read] } => read,
            WriteRequest { Variables: [{ Kind: VariableAccessKind.VariableName } write] } => write,
            _ => (VariableAccessSpecification?)null,
        };
        return variable is { } named
            && TryResolveShortName(association, named.VariableName, out _, out var method, out var isMethod)
            && isMethod
            && method.ClassId == association.Definition.ClassId
            && method.InstanceId == association.Definition.LogicalName
            && method.MethodId == HlsReplyMethod(method.ClassId);
    }

    /// <summary>
    /// Refuses an SN request: a confirmed one with a confirmed-service-error of its service (the SN services'
    /// error report, IEC 62056-5-3 §9.5), an unconfirmed one silently; either way counted.
    /// </summary>
    private void RefuseShortName(IBufferWriter<byte> response, ApduTag tag, bool unconfirmed, ServiceErrorKind kind, byte code, string reason)
    {
        _refusals.Record(RefusalReasons.ForServiceError(ExceptionServiceError.OtherReason), unconfirmed ? $"{reason} (unconfirmed: discarded)" : reason);
        if (!unconfirmed)
        {
            new ConfirmedServiceError(tag == ApduTag.ReadRequest ? ConfirmedServiceKind.Read : ConfirmedServiceKind.Write, kind, code).Encode(response);
        }
    }

    /// <summary>
    /// The attribute or method a short name addresses in this association, as the LN descriptor the GET/SET/ACTION
    /// checks take; false when nothing is there.
    /// </summary>
    private bool TryResolveShortName(AssociationState association, ushort shortName, out CosemAttributeDescriptor attribute,
        out CosemMethodDescriptor method, out bool isMethod)
    {
        attribute = default;
        method = default;
        isMethod = false;
        ShortNameTable? table;
        try
        {
            table = association.ShortNames;
        }
        catch (InvalidOperationException ex)
        {
            // Base names assigned by hand that overlap: a configuration error, logged; the client learns object-undefined.
            ServerLog.ObjectFailed(_logger, ex, _session, "the association's base names", nameof(DataAccessResult.ObjectUndefined));
            return false;
        }
        if (table is null || !table.TryResolve(shortName, out var target, out var member))
        {
            return false;
        }
        isMethod = member.IsMethod;
        if (isMethod)
        {
            method = new CosemMethodDescriptor(target.ClassId, target.LogicalName, (sbyte)member.Index);
        }
        else
        {
            attribute = new CosemAttributeDescriptor(target.ClassId, target.LogicalName, (sbyte)member.Index);
        }
        return true;
    }
}
