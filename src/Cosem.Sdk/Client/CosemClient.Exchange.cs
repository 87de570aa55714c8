using System.Runtime.CompilerServices;
using System.Diagnostics;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Diagnostics;
using Cosem.Sdk.Security;
using Cosem.Sdk.Transport;

namespace Cosem.Sdk.Client;

public sealed partial class CosemClient
{
    /// <summary>The next invoke-id, 0..15 in turn (IEC 62056-5-3 §9.3.1, Invoke-Id-And-Priority); confirmed, high priority.</summary>
    private InvokeIdAndPriority NextInvokeId()
    {
        _lastInvokeId = (byte)((_lastInvokeId + 1) & 0x0F);
        return new InvokeIdAndPriority(_lastInvokeId, confirmed: true, highPriority: true);
    }

    /// <summary>Waits for the gate and checks the association is usable for a service request.</summary>
    // Pooled: this runs once per request, and a pending await would otherwise allocate its state machine box.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        switch (_state)
        {
            case Associated:
                return;
            case Disposed:
                _gate.Release();
                throw new ObjectDisposedException(nameof(CosemClient));
            case Broken:
                _gate.Release();
                throw new CosemTransportException(TransportErrorKind.ConnectionClosed, "The link to the meter broke earlier; connect again.");
            default:
                _gate.Release();
                throw new InvalidOperationException("The association was released; connect again.");
        }
    }

    /// <summary>
    /// Sends <paramref name="request"/> and waits for the answer of service <paramref name="expected"/> with
    /// <paramref name="invokeId"/>. Stale answers (an earlier, timed-out request's) and unsolicited notifications are
    /// skipped; an EXCEPTION-Response or confirmed-service-error is returned for the caller to raise. The caller owns
    /// the returned message.
    /// </summary>
    // Pooled: this runs once per request, and a pending await would otherwise allocate its state machine box.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ApduMessage> ExchangeAsync(ReadOnlyMemory<byte> request, ApduTag expected, int invokeId, bool protect,
        CancellationToken cancellationToken)
    {
        var timeout = RentTimeout(cancellationToken, out var registration);
        var token = timeout?.Token ?? cancellationToken;
        var service = ServiceNames.Of(request.Span);
        var started = Stopwatch.GetTimestamp();
        var outcome = "transport-error";
        using var activity = CosemTelemetry.ActivitySource.StartActivity("cosem.request", ActivityKind.Client);
        activity?.SetTag(CosemTelemetry.ServiceTag, service);
        ResetUnmatched();
        try
        {
            ClientLog.ApduSent(_logger, request.Span);
            if (protect && Options.Protection is { } protection)
            {
                request = await protection.ProtectAsync(request, token).ConfigureAwait(false);
            }
            await SendApduAsync(request, token).ConfigureAwait(false);
            while (true)
            {
                // Without GBT the channel's answer is the APDU: skipping the GBT receive loop saves its (large)
                // state machine box per request.
                var message = UsesGeneralBlockTransfer
                    ? await ReceiveApduAsync(token).ConfigureAwait(false)
                    : await _channel.ReceiveAsync(token).ConfigureAwait(false);
                if (protect && Options.Protection is { } opener)
                {
                    var plain = Unprotect(opener, message);
                    message.Dispose();
                    message = plain;
                }
                ClientLog.ApduReceived(_logger, message.Span);
                if (IsAnswer(message.Span, expected, invokeId))
                {
                    outcome = message.Span[0] is (byte)ApduTag.ExceptionResponse or (byte)ApduTag.ConfirmedServiceError ? "refused" : "ok";
                    return message;
                }
                message.Dispose();
            }
        }
        catch (CosemSecurityException)
        {
            outcome = "protection-error";
            CosemTelemetry.ProtectionFailures.Add(1, new KeyValuePair<string, object?>(CosemTelemetry.SideTag, "client"));
            throw;
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && timeout is { IsCancellationRequested: true })
        {
            outcome = "timeout";
            var timedOut = new CosemTimeoutException(DescribeTimeout(), Options.RequestTimeout, ex);
            throw (Exception?)UnmatchedAtTimeout(invokeId, timedOut) ?? timedOut;
        }
        catch (CosemTransportException)
        {
            // The link is gone (or cannot be resynchronised): no further request can succeed.
            _state = Broken;
            throw;
        }
        catch (OperationCanceledException)
        {
            outcome = "cancelled";
            throw;
        }
        finally
        {
            ReturnTimeout(timeout, registration);
            CosemTelemetry.RecordRequest(CosemTelemetry.ClientRequests, CosemTelemetry.ClientRequestDuration, service, outcome, started);
            activity?.SetTag(CosemTelemetry.OutcomeTag, outcome);
            if (outcome is not ("ok" or "refused"))
            {
                activity?.SetStatus(ActivityStatusCode.Error, outcome);
            }
        }
    }

    private static ApduMessage Unprotect(ApduProtection protection, ApduMessage message)
    {
        var plain = protection.Unprotect(message.Memory);
        return ApduMessage.Create(plain.Span, message.SourceAddress, message.DestinationAddress);
    }

    private bool IsAnswer(ReadOnlySpan<byte> apdu, ApduTag expected, int invokeId)
    {
        if (apdu.IsEmpty)
        {
            ClientLog.Skipped(_logger, "an empty APDU");
            return false;
        }
        var tag = (ApduTag)apdu[0];
        if (tag == expected)
        {
            // GET/SET/ACTION answers: tag, choice, Invoke-Id-And-Priority (IEC 62056-5-3 §9.3.1).
            if (invokeId != AnyInvokeId && apdu.Length >= 3 && (apdu[2] & 0x0F) != invokeId)
            {
                SkipWrongInvokeId(apdu[2] & 0x0F, invokeId);
                return false;
            }
            return true;
        }
        switch (tag)
        {
            case ApduTag.ExceptionResponse or ApduTag.ConfirmedServiceError:
                return true;
            case ApduTag.EventNotificationRequest or ApduTag.DataNotification or ApduTag.InformationReportRequest:
                SkipUnsolicited(tag, invokeId);
                DeliverUnsolicited(tag, apdu);
                DeliverNotification(apdu);
                return false;
            default:
                throw new CosemProtocolException($"The meter answered with {Describe(tag)} where {expected} was expected.");
        }
    }

    /// <summary>
    /// Decodes an answer of type <typeparamref name="T"/>, raising an EXCEPTION-Response or confirmed-service-error
    /// as the matching typed exception.
    /// </summary>
    private static T Decode<T>(ReadOnlyMemory<byte> message, ApduTag expected) where T : Apdu.Apdu
    {
        var apdu = ApduDecoder.Decode(message);
        return apdu switch
        {
            T typed => typed,
            ExceptionResponse exception => throw new CosemExceptionResponseException(exception),
            ConfirmedServiceError error => throw new CosemConfirmedServiceErrorException(error),
            _ => throw new CosemProtocolException($"The meter answered with {apdu.GetType().Name} where {expected} was expected."),
        };
    }

    private static string Describe(ApduTag tag) => Enum.IsDefined(tag) ? tag.ToString() : $"an APDU with tag 0x{(byte)tag:X2}";

    // Request time-outs: a per-client watchdog timer checks the deadline of the request in flight a few times per
    // time-out period. Arming a fresh timer per request would move the runtime's earliest timer each time and wake
    // its timer thread on every request; the watchdog costs two writes per request instead.
    private CancellationTokenSource? RentTimeout(CancellationToken cancellationToken, out CancellationTokenRegistration registration)
    {
        registration = default;
        if (Options.RequestTimeout == Timeout.InfiniteTimeSpan)
        {
            return null;
        }
        var source = _spareTimeout ?? new CancellationTokenSource();
        _spareTimeout = null;
        if (cancellationToken.CanBeCanceled)
        {
            registration = cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), source);
        }
        lock (_watchdogLock)
        {
            _watchdog ??= new Timer(static state => ((CosemClient)state!).CheckDeadline(), this, WatchdogPeriod, WatchdogPeriod);
            _inFlight = source;
            _deadline = NextDeadline();
        }
        return source;
    }

    private void ReturnTimeout(CancellationTokenSource? source, CancellationTokenRegistration registration)
    {
        registration.Dispose();
        if (source is null)
        {
            return;
        }
        bool expired;
        lock (_watchdogLock)
        {
            expired = !ReferenceEquals(_inFlight, source);
            _inFlight = null;
        }
        // A source the watchdog took may be cancelled at any moment: never reuse it (nor dispose it under the
        // watchdog's feet; without a timer of its own it holds nothing to release).
        if (!expired && source.TryReset())
        {
            _spareTimeout = source;
        }
    }

    private void CheckDeadline()
    {
        CancellationTokenSource? expired = null;
        lock (_watchdogLock)
        {
            if (_inFlight is { } source && Environment.TickCount64 >= _deadline)
            {
                expired = source;
                _inFlight = null;
            }
        }
        expired?.Cancel();
    }

    // The deadline is checked eight times per time-out: a request times out within 1/8 of the time-out after it.
    private TimeSpan WatchdogPeriod => TimeSpan.FromMilliseconds(Math.Clamp(Options.RequestTimeout.TotalMilliseconds / 8, 1, 1000));

    private void StopWatchdog()
    {
        lock (_watchdogLock)
        {
            _watchdog?.Dispose();
            _watchdog = null;
            _inFlight = null;
        }
    }
}
