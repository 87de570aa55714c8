using System.Runtime.CompilerServices;
using System.Buffers;
using System.Diagnostics;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Diagnostics;
using Cosem.Sdk.Transport;
using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Server;

/// <summary>
/// One client connection (one <see cref="IApduChannel"/>): receives APDUs, keeps the associations opened over it
/// (one per client/server SAP pair) and answers each request in turn. Whatever arrives — a malformed APDU, a
/// request out of context, an object that throws — ends at most that request; a broken link ends this session
/// only.
/// </summary>
internal sealed partial class ServerSession
{
    private readonly CosemServer _server;
    private readonly IApduChannel _channel;
    private readonly ILogger _logger;
    private readonly long _id;
    private readonly Dictionary<(int Client, int Server), AssociationState> _associations = [];
    // Not readonly: an answer sent in GBT blocks keeps its buffer (ServerSession.BlockTransfer.cs), and a spare takes its place.
    private ArrayBufferWriter<byte> _response = new(256);
    private readonly ServiceProcessor _services;
    private readonly ServerProtection _protection;
    private readonly SessionRefusals _refusals;
    private AssociationState? _served;

    public ServerSession(CosemServer server, IApduChannel channel, long id, ILogger logger, SessionRefusals refusals)
    {
        _server = server;
        _channel = channel;
        _id = id;
        _logger = logger;
        _refusals = refusals;
        _services = new ServiceProcessor(id, logger, refusals, server.Options.MaxIncomingBlockBytes);
        _protection = new ServerProtection(_services, refusals);
    }

    public int AssociationCount => _associations.Count;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        ServerLog.SessionOpened(_logger, _id);
        var reason = "stopped";
        var clock = new SessionDeadlines(_server.Options.IdleTimeout, _server.Options.AssociationTimeout);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                ApduMessage message;
                var (remaining, expiring) = clock.Next();
                try
                {
                    if (remaining != Timeout.InfiniteTimeSpan)
                    {
                        if (remaining <= TimeSpan.Zero)
                        {
                            reason = TimedOut(expiring);
                            break;
                        }
                        deadline.CancelAfter(remaining);
                    }
                    message = await _channel.ReceiveAsync(deadline.Token).ConfigureAwait(false);
                    if (!deadline.TryReset())
                    {
                        message.Dispose();
                        reason = TimedOut(expiring);
                        break;
                    }
                }
                catch (CosemTransportException ex) when (ex.Kind == TransportErrorKind.Disconnected)
                {
                    // HDLC DISC: the data link is gone and with it every association over it (IEC 62056-46 §6.4.4.4.3.3).
                    CosemTelemetry.ActiveAssociations.Add(-_associations.Count);
                    ForgetAll();
                    continue;
                }
                catch (CosemTransportException ex)
                {
                    reason = $"{ex.Kind}: {ex.Message}";
                    if (ex.Kind is TransportErrorKind.InvalidFrame or TransportErrorKind.UnsupportedVersion or TransportErrorKind.FrameTooLarge)
                    {
                        // Garbage that ends the connection (a wrapper stream cannot resynchronise, a frame beyond the limits).
                        _refusals.Record(RefusalReasons.InvalidFrame, reason);
                    }
                    break;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    reason = TimedOut(expiring);
                    break;
                }
                using (message)
                {
                    if (_logger.IsEnabled(LogLevel.Trace))
                    {
                        ServerLog.Received(_logger, _id, ApduRedaction.ToHex(message.Span));
                    }
                    _response.ResetWrittenCount();
                    _responseIsBlock = false;
                    _served = null;
                    var associations = _associations.Count;
                    var started = Stopwatch.GetTimestamp();
                    using var activity = CosemTelemetry.ActivitySource.StartActivity("cosem.server.request", ActivityKind.Server);
                    var handled = await HandleAsync(message, cancellationToken).ConfigureAwait(false);
                    RecordServed(message.Span, started, activity);
                    CosemTelemetry.ActiveAssociations.Add(_associations.Count - associations);
                    if (handled)
                    {
                        clock.UsefulRequest();
                        if (clock.InAssociationPhase && HasCompletedAssociation())
                        {
                            clock.AssociationCompleted();
                        }
                    }
                }
                try
                {
                    await SendResponseAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (CosemTransportException ex)
                {
                    reason = $"{ex.Kind}: {ex.Message}";
                    break;
                }
                await RunAfterResponseAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            reason = "server stopping";
        }
        catch (Exception ex)
        {
            // A defect of ours must not reach the server: log it and drop this connection only.
            ServerLog.SessionFailed(_logger, ex, _id);
            reason = "internal error";
        }
        finally
        {
            CosemTelemetry.ActiveAssociations.Add(-_associations.Count);
            _refusals.Flush();
            ForgetAll();
            ServerLog.SessionClosed(_logger, _id, reason);
            try
            {
                await _channel.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is CosemTransportException or IOException or ObjectDisposedException or InvalidOperationException)
            {
                // Closing a broken connection may fail; it is gone either way.
            }
        }
    }

    // cosem.server.requests / .request.duration: the service the APDU asked for, and whether it was answered,
    // refused (EXCEPTION-Response, confirmed-service-error, rejected AARE) or needed no answer.
    private void RecordServed(ReadOnlySpan<byte> request, long started, Activity? activity)
    {
        var service = ServiceNames.Of(request);
        var answer = _response.WrittenSpan;
        var outcome = answer.IsEmpty ? "unanswered"
            : answer[0] is (byte)ApduTag.ExceptionResponse or (byte)ApduTag.ConfirmedServiceError ? "refused"
            : answer[0] == (byte)ApduTag.Aare && IsRejectedAare(answer) ? "refused"
            : "ok";
        CosemTelemetry.RecordRequest(CosemTelemetry.ServerRequests, CosemTelemetry.ServerRequestDuration, service, outcome, started);
        if (activity is not null)
        {
            activity.SetTag(CosemTelemetry.ServiceTag, service);
            activity.SetTag(CosemTelemetry.OutcomeTag, outcome);
        }
    }

    // AARE result [2] { INTEGER }: A2 03 02 01 r right after application-context-name; anything but accepted (0).
    private static bool IsRejectedAare(ReadOnlySpan<byte> aare)
    {
        var at = aare[..Math.Min(aare.Length, 24)].IndexOf([(byte)0xA2, (byte)0x03, (byte)0x02, (byte)0x01]);
        return at >= 0 && at + 4 < aare.Length && aare[at + 4] != 0;
    }

    /// <summary>
    /// Serves one APDU; true when it was useful (an AARQ, an RLRQ that released an association, or a request reaching
    /// an association), which restarts the inactivity time-out.
    /// </summary>
    // Pooled: this runs once per request, and a pending await would otherwise allocate its state machine box.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> HandleAsync(ApduMessage message, CancellationToken cancellationToken)
    {
        if (message.Length == 0)
        {
            return false;
        }
        var device = _server.FindDevice((CosemAddress)message.DestinationAddress);
        if (device is null)
        {
            // IEC 62056-47 §5.3: a wPort that names no application process is discarded.
            ServerLog.UnknownDevice(_logger, _id, message.DestinationAddress, message.SourceAddress);
            return false;
        }
        var key = (message.SourceAddress, message.DestinationAddress);
        var tag = (ApduTag)message.Span[0];
        switch (tag)
        {
            case ApduTag.Aarq:
                // An AARQ for a pair that already has an association (established, or HLS-pending) is negotiated
                // afresh: only an accepted AARE replaces the old association; a refused one leaves it as it was, so
                // a client (or anyone on its link) cannot end an open association with a wrong password. Our reading:
                // IEC 62056-5-3 §9.3.2 has A-ASSOCIATE establish an AA; nothing in it makes a refused attempt release
                // another one, and a refused AARE says no AA was established by that request.
                var established = await AssociationNegotiator.NegotiateAsync(
                    message.Memory, device, _server.Devices, (CosemAddress)message.SourceAddress, _server.Options, _response, _refusals, _logger, cancellationToken).ConfigureAwait(false);
                if (established is not null)
                {
                    if (_associations.TryGetValue(key, out var replaced))
                    {
                        _server.ForgetAssociation(replaced);
                    }
                    _associations[key] = established;
                    Track(established);
                }
                return true;
            case ApduTag.Rlrq:
                // IEC 62056-5-3 §9.3.3 (A-RELEASE): the RLRE answers the release. Without an association there is
                // nothing to release; the server still answers RLRE normal, so a client that lost track of the state
                // is told it is released instead of waiting for a time-out (releasing is idempotent). It is not a
                // useful request: it does not keep an idle connection open.
                var hadAssociation = _associations.Remove(key, out var released);
                if (hadAssociation)
                {
                    _server.ForgetAssociation(released!);
                    ServerLog.Released(_logger, _id, released!.ClientAddress.Value, released.ServerAddress.Value);
                }
                AssociationNegotiator.Release(message.Memory, _response);
                return hadAssociation;
        }
        if (!_associations.TryGetValue(key, out var association) || association.Status == AssociationStatus.NonAssociated)
        {
            // No AA (or a failed HLS reply ended it, IEC 62056-5-3 §9.2.7.2.4): the request is not delivered to the
            // xDLMS ASE, which only serves within an AA (IEC 62056-5-3 §9.4.2). Our reading of §9.3.5 (EXCEPTION-
            // Response, state-error service-not-allowed: the service is not allowed in the current state) is that a
            // confirmed request is answered service-not-allowed / operation-not-possible, so the client learns at
            // once; an unconfirmed request expects no answer and is discarded.
            if (association is not null)
            {
                _served = association;
            }
            RefuseOutsideAssociation(message.Span, association is null
                ? $"{tag} from client {message.SourceAddress} without an association"
                : "association not established");
            return false;
        }
        _served = association;
        if (message.Length > association.ServerMaxReceivePduSize)
        {
            new RequestRefusal(ExceptionStateError.ServiceNotAllowed, ExceptionServiceError.PduTooLong,
                $"request of {message.Length} bytes exceeds the server PDU size").Answer(_refusals, _response);
            return true;
        }
        // Protection wraps the services: decipher, check counter and policy, serve, protect the answer.
        IRequestHandler handler = association.IsCiphered ? _protection : _services;
        if (association.Allows(Conformance.GeneralBlockTransfer))
        {
            // GBT carries the protected APDU: blocks are joined here, then opened and served as one request.
            if (tag == ApduTag.GeneralBlockTransfer)
            {
                await HandleBlockAsync(association, message.Memory, handler, cancellationToken).ConfigureAwait(false);
                return true;
            }
            association.BlockTransfer?.StartPlainExchange();
        }
        await handler.HandleAsync(association, message.Memory, _response, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Answers a request outside an association: EXCEPTION-Response when confirmed, nothing when unconfirmed.</summary>
    private void RefuseOutsideAssociation(ReadOnlySpan<byte> apdu, string reason)
    {
        var refusal = RequestRefusal.NotPossible(reason);
        if (ServiceProcessor.IsUnconfirmed(apdu))
        {
            refusal.Discard(_refusals);
            return;
        }
        refusal.Answer(_refusals, _response);
    }

    // The association phase ends with the first association that is fully established (HLS reply passed included).
    private bool HasCompletedAssociation()
    {
        foreach (var association in _associations.Values)
        {
            if (association.Status == AssociationStatus.Associated)
            {
                return true;
            }
        }
        return false;
    }

    private string TimedOut(string reason)
    {
        var detail = reason == RefusalReasons.AssociationTimeout
            ? $"no association completed within {_server.Options.AssociationTimeout}"
            : $"no useful request within {_server.Options.IdleTimeout}";
        // Counted, not logged as a refusal: a reader that leaves without releasing is ordinary; SessionClosed says why.
        _refusals.Count(reason);
        return detail;
    }

    /// <summary>Runs what the objects asked to do once their response was sent (ServerRequestContext.AfterResponse).</summary>
    private async ValueTask RunAfterResponseAsync()
    {
        if (_served?.TakeAfterResponse() is not { } actions)
        {
            return;
        }
        foreach (var action in actions)
        {
            try
            {
                await action().ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // An application callback must not end the session; the response has already gone out.
                ServerLog.ObjectFailed(_logger, ex, _id, "an after-response action", "nothing (the response was already sent)");
            }
        }
    }
}
