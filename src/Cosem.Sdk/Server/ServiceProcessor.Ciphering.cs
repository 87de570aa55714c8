using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Security;

namespace Cosem.Sdk.Server;

// Ciphered requests (IEC 62056-5-3 §9.2.7.2.4, §9.5): glo-/ded- service APDUs and general-glo/general-ded-ciphering
// are opened with the client's system title and the association's keys, their counter must be fresh for that title
// and their protection must meet the security policy; the answer goes back in the same envelope, protected alike,
// with the server's next counter. Failures are answered in the clear with an EXCEPTION-Response.
internal sealed partial class ServiceProcessor
{
    private readonly ArrayBufferWriter<byte> _plainRequest = new(256);
    private readonly ArrayBufferWriter<byte> _plainResponse = new(256);

    private async ValueTask HandleProtectedAsync(ServerAssociation association, AssociationSecurity security, ReadOnlyMemory<byte> apdu,
        IBufferWriter<byte> response, CancellationToken cancellationToken)
    {
        if (!apdu.IsEmpty && (ApduTag)apdu.Span[0] is ApduTag.GeneralSigning or ApduTag.GeneralCiphering)
        {
            await HandleGeneralProtectedAsync(association, security, apdu, response, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (security.RequireGeneralSigning && !_insideVerifiedSignature)
        {
            Refuse(response, ExceptionStateError.ServiceNotAllowed, ExceptionServiceError.OperationNotPossible,
                $"unsigned {(apdu.IsEmpty ? "empty APDU" : ((ApduTag)apdu.Span[0]).ToString())} where general-signing is required");
            return;
        }
        var snapshot = security.Current;
        ApduEnvelope.Envelope envelope;
        try
        {
            if (!ApduEnvelope.TryRead(apdu.Span, out envelope))
            {
                if (snapshot.Policy != SecurityPolicy.None)
                {
                    Refuse(response, ExceptionStateError.ServiceNotAllowed, ExceptionServiceError.OperationNotPossible,
                        $"unprotected {(ApduTag)apdu.Span[0]} under security policy {snapshot.Policy}");
                    return;
                }
                await HandlePlainAsync(association, apdu, response, cancellationToken).ConfigureAwait(false);
                return;
            }
        }
        catch (CosemSecurityException ex)
        {
            Refuse(response, ExceptionStateError.ServiceNotAllowed, ExceptionServiceError.DecipheringError, ex.Message);
            return;
        }

        if (association.ClientTitle is not { } client)
        {
            Refuse(response, ExceptionStateError.ServiceNotAllowed, ExceptionServiceError.DecipheringError, "no client system title to open the request with");
            return;
        }
        var content = envelope.Content(apdu.Span);
        SecurityHeader header;
        ApduCipher? cipher;
        try
        {
            header = SecurityHeader.Read(content);
            cipher = envelope.IsDedicated ? association.DedicatedCipher
                : header.Control.UsesBroadcastKey ? snapshot.Broadcast : snapshot.Unicast;
        }
        catch (CosemSecurityException ex)
        {
            Refuse(response, ExceptionStateError.ServiceNotAllowed, ExceptionServiceError.DecipheringError, ex.Message);
            return;
        }
        if (cipher is null || (envelope.SystemTitle is { } carried && carried != client))
        {
            Refuse(response, ExceptionStateError.ServiceNotAllowed, ExceptionServiceError.DecipheringError,
                cipher is null ? "no key for the request's key set" : $"general-ciphering system title {envelope.SystemTitle} is not the client's {client}");
            return;
        }
        if (!snapshot.Policy.IsSatisfiedBy(header.Control))
        {
            Refuse(response, ExceptionStateError.ServiceNotAllowed, ExceptionServiceError.OperationNotPossible,
                $"request protected with {header.Control}, less than security policy {snapshot.Policy}");
            return;
        }
        var counters = security.ClientCounters;
        try
        {
            counters.EnsureFresh(client, header.InvocationCounter);
        }
        catch (CosemSecurityException ex)
        {
            RefuseCounter(response, counters, client, ex.Message);
            return;
        }
        _plainRequest.ResetWrittenCount();
        try
        {
            cipher.Unprotect(client, content, _plainRequest, out _);
        }
        catch (CosemSecurityException ex)
        {
            Refuse(response, ExceptionStateError.ServiceNotAllowed, ExceptionServiceError.DecipheringError, ex.Message);
            return;
        }
        try
        {
            // Only now: a forged APDU with a high counter must not move the window (InvocationCounterValidator).
            security.AcceptClientCounter(client, header.InvocationCounter);
        }
        catch (CosemSecurityException ex)
        {
            RefuseCounter(response, counters, client, ex.Message);
            return;
        }

        var plain = _plainRequest.WrittenMemory;
        if (plain.IsEmpty || ApduEnvelope.TryRead(plain.Span, out _))
        {
            Refuse(response, ExceptionStateError.ServiceNotAllowed, ExceptionServiceError.OtherReason, "a protected APDU must hold a plain request");
            return;
        }
        _plainResponse.ResetWrittenCount();
        await HandlePlainAsync(association, plain, _plainResponse, cancellationToken).ConfigureAwait(false);
        if (_plainResponse.WrittenCount == 0)
        {
            return; // unconfirmed request
        }
        var tag = envelope.IsGeneral
            ? envelope.Tag
            : ApduEnvelope.CipheredTagFor((ApduTag)_plainResponse.WrittenSpan[0], envelope.IsDedicated) ?? (envelope.IsDedicated ? ApduTag.GeneralDedCiphering : ApduTag.GeneralGloCiphering);
        // Answer with the request's protection, under the unicast (or dedicated) key even for a broadcast request.
        var control = SecurityControlByte.Create(snapshot.Suite, header.Control.IsAuthenticated, header.Control.IsEncrypted);
        var responseCipher = envelope.IsDedicated ? cipher : snapshot.Unicast!;
        var counter = await security.NextServerInvocationCounterAsync(cancellationToken).ConfigureAwait(false);
        ApduEnvelope.Write(responseCipher, tag, control, security.SystemTitle, counter, _plainResponse.WrittenSpan, response);
    }

    private void RefuseCounter(IBufferWriter<byte> response, InvocationCounterValidator counters, SystemTitle client, string reason)
    {
        // IEC 62056-5-3 §9.5: invocation-counter-error carries the lowest counter the server would accept.
        ServerLog.RequestRefused(_logger, _session, reason);
        var expected = counters.LastAccepted(client) is { } last && last < uint.MaxValue ? last + 1 : 0u;
        var exception = new ExceptionResponse(ExceptionStateError.ServiceNotAllowed, ExceptionServiceError.InvocationCounterError, expected);
        var writer = new Axdr.AxdrWriter(response);
        exception.Encode(ref writer);
        writer.Flush();
    }
}
