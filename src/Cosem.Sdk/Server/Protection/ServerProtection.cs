using System.Buffers;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Security;

namespace Cosem.Sdk.Server;

/// <summary>
/// Message protection around the service processor (IEC 62056-5-3 §9.2.7.2.4, §9.5), the server's counterpart of the
/// client's <c>CipheredApduProtection</c>: decipher (or verify) the request with the client's system title and the
/// association's keys, check its invocation counter and the security policy, let the inner handler serve the plain
/// request, then protect the answer the way the request was protected, with the server's next counter. glo-, ded-,
/// general-glo/ded-ciphering, general-ciphering and general-signing share the checks and one refusal path
/// (<see cref="RequestRefusal"/>): failures are answered in the clear with an EXCEPTION-Response.
/// </summary>
/// <remarks>One instance per session: its buffers are reused from request to request.</remarks>
internal sealed partial class ServerProtection : IRequestHandler
{
    private readonly IRequestHandler _inner;
    private readonly SessionRefusals _refusals;
    // Created on first use (as the signed answer's): most sessions are not ciphered and never need them.
    private ArrayBufferWriter<byte>? _plainRequestBuffer;
    private ArrayBufferWriter<byte>? _plainResponseBuffer;

    private ArrayBufferWriter<byte> PlainRequest => _plainRequestBuffer ??= new ArrayBufferWriter<byte>(256);

    private ArrayBufferWriter<byte> PlainResponse => _plainResponseBuffer ??= new ArrayBufferWriter<byte>(256);

    public ServerProtection(IRequestHandler inner, SessionRefusals refusals)
    {
        _inner = inner;
        _refusals = refusals;
    }

    /// <summary>Serves one request of a ciphered association (<see cref="AssociationState.IsCiphered"/>).</summary>
    public ValueTask HandleAsync(AssociationState association, ReadOnlyMemory<byte> apdu, IBufferWriter<byte> response, CancellationToken cancellationToken) =>
        association.Definition.Security is { } security
            ? HandleAsync(association, security, apdu, response, signatureVerified: false, cancellationToken)
            : _inner.HandleAsync(association, apdu, response, cancellationToken);

    private async ValueTask HandleAsync(AssociationState association, AssociationSecurity security, ReadOnlyMemory<byte> apdu,
        IBufferWriter<byte> response, bool signatureVerified, CancellationToken cancellationToken)
    {
        var tag = apdu.IsEmpty ? (ApduTag?)null : (ApduTag)apdu.Span[0];
        if (tag == ApduTag.GeneralSigning)
        {
            await HandleSignedAsync(association, security, apdu, response, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (security.RequireGeneralSigning && !signatureVerified)
        {
            Refuse(RequestRefusal.NotPossible($"unsigned {tag?.ToString() ?? "empty APDU"} where general-signing is required"), response);
            return;
        }
        if (tag == ApduTag.GeneralCiphering)
        {
            await HandleGeneralCipheringAsync(association, security, apdu, response, cancellationToken).ConfigureAwait(false);
            return;
        }
        await HandleEnvelopeAsync(association, security, apdu, response, cancellationToken).ConfigureAwait(false);
    }

    // glo-/ded- service APDUs and general-glo/general-ded-ciphering; a plain APDU only under security policy None.
    private async ValueTask HandleEnvelopeAsync(AssociationState association, AssociationSecurity security, ReadOnlyMemory<byte> apdu,
        IBufferWriter<byte> response, CancellationToken cancellationToken)
    {
        var snapshot = security.Current;
        ApduEnvelope.Envelope envelope;
        try
        {
            if (!ApduEnvelope.TryRead(apdu.Span, out envelope))
            {
                if (snapshot.Policy != SecurityPolicy.None)
                {
                    Refuse(RequestRefusal.NotPossible($"unprotected {(ApduTag)apdu.Span[0]} under security policy {snapshot.Policy}"), response);
                    return;
                }
                await _inner.HandleAsync(association, apdu, response, cancellationToken).ConfigureAwait(false);
                return;
            }
        }
        catch (CosemSecurityException ex)
        {
            Refuse(RequestRefusal.Deciphering(ex.Message), response);
            return;
        }
        if (association.ClientTitle is not { } client)
        {
            Refuse(RequestRefusal.Deciphering("no client system title to open the request with"), response);
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
            Refuse(RequestRefusal.Deciphering(ex.Message), response);
            return;
        }
        if (cipher is null || (envelope.SystemTitle is { } carried && carried != client))
        {
            Refuse(RequestRefusal.Deciphering(cipher is null
                ? "no key for the request's key set"
                : $"general-ciphering system title {envelope.SystemTitle} is not the client's {client}"), response);
            return;
        }
        if (CheckPolicyAndCounter(security, snapshot.Policy, header.Control, client, header.InvocationCounter) is { } refused)
        {
            Refuse(refused, response);
            return;
        }
        PlainRequest.ResetWrittenCount();
        try
        {
            cipher.Unprotect(client, content, PlainRequest, out _);
        }
        catch (CosemSecurityException ex)
        {
            Refuse(RequestRefusal.Deciphering(ex.Message), response);
            return;
        }
        if (AcceptCounter(security, client, header.InvocationCounter) is { } stale)
        {
            Refuse(stale, response);
            return;
        }
        var plain = PlainRequest.WrittenMemory;
        if (plain.IsEmpty || ApduEnvelope.TryRead(plain.Span, out _))
        {
            Refuse(RequestRefusal.Other("a protected APDU must hold a plain request"), response);
            return;
        }
        if (!await ServeAsync(association, plain, cancellationToken).ConfigureAwait(false))
        {
            return; // unconfirmed request
        }
        var tag = envelope.IsGeneral
            ? envelope.Tag
            : ApduEnvelope.CipheredTagFor((ApduTag)PlainResponse.WrittenSpan[0], envelope.IsDedicated) ?? (envelope.IsDedicated ? ApduTag.GeneralDedCiphering : ApduTag.GeneralGloCiphering);
        // Answer with the request's protection, under the unicast (or dedicated) key even for a broadcast request.
        var control = SecurityControlByte.Create(snapshot.Suite, header.Control.IsAuthenticated, header.Control.IsEncrypted);
        var responseCipher = envelope.IsDedicated ? cipher : snapshot.Unicast!;
        var counter = await security.NextServerInvocationCounterAsync(cancellationToken).ConfigureAwait(false);
        ApduEnvelope.Write(responseCipher, tag, control, security.SystemTitle, counter, PlainResponse.WrittenSpan, response);
    }

    /// <summary>Serves the opened request into <see cref="PlainResponse"/>; false when it has no answer (unconfirmed).</summary>
    private async ValueTask<bool> ServeAsync(AssociationState association, ReadOnlyMemory<byte> plain, CancellationToken cancellationToken)
    {
        PlainResponse.ResetWrittenCount();
        await _inner.HandleAsync(association, plain, PlainResponse, cancellationToken).ConfigureAwait(false);
        return PlainResponse.WrittenCount > 0;
    }

    /// <summary>Before opening: the request's protection meets the policy and its counter is fresh for the client.</summary>
    private static RequestRefusal? CheckPolicyAndCounter(AssociationSecurity security, SecurityPolicy policy, SecurityControlByte control,
        SystemTitle client, uint invocationCounter)
    {
        if (!policy.IsSatisfiedBy(control))
        {
            return RequestRefusal.NotPossible($"request protected with {control}, less than security policy {policy}");
        }
        try
        {
            security.ClientCounters.EnsureFresh(client, invocationCounter);
            return null;
        }
        catch (CosemSecurityException ex)
        {
            return CounterRefusal(security, client, ex.Message);
        }
    }

    /// <summary>After opening, and only then: a forged APDU with a high counter must not move the window.</summary>
    private static RequestRefusal? AcceptCounter(AssociationSecurity security, SystemTitle client, uint invocationCounter)
    {
        try
        {
            security.AcceptClientCounter(client, invocationCounter);
            return null;
        }
        catch (CosemSecurityException ex)
        {
            return CounterRefusal(security, client, ex.Message);
        }
    }

    // IEC 62056-5-3 §9.5: invocation-counter-error carries the lowest counter the server would accept.
    private static RequestRefusal CounterRefusal(AssociationSecurity security, SystemTitle client, string reason) =>
        RequestRefusal.Counter(security.ClientCounters.LastAccepted(client) is { } last && last < uint.MaxValue ? last + 1 : 0u, reason);

    private void Refuse(RequestRefusal refusal, IBufferWriter<byte> response) => refusal.Answer(_refusals, response);
}
