using System.IO.Pipelines;
using System.Net;
using Cosem.Sdk.Transport.Pipes;
using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Transport.Hdlc;

/// <summary>
/// The client (primary station) side of an HDLC link in normal response mode (IEC 62056-46 §6.4.4): connects with
/// SNRM/UA and parameter negotiation, sends APDUs as I-frames with the poll bit on the last frame of each window,
/// asks for further segments with RR, polls again with RR after a response time-out and retransmits (go-back-N)
/// from the N(R) the server reports, and disconnects with DISC on disposal.
/// </summary>
public sealed class HdlcClientLink : HdlcLink
{
    private readonly HdlcClientOptions _options;
    // Cached so that a call allocates no delegate: errors that leave the link state unknown mark it lost.
    private readonly Action<CosemTransportException> _onFailure;
    private bool _awaitingResponse;

    private HdlcClientLink(IDuplexPipe pipe, HdlcClientOptions options)
        : base(pipe, options, isClient: true, "hdlc-client")
    {
        _options = options;
        _onFailure = ex =>
        {
            if (LosesLink(ex))
            {
                LoseLink();
            }
        };
        LocalAddress = options.ClientAddress;
        RemoteAddress = options.ServerAddress;
    }

    /// <summary>Sets up the link over <paramref name="pipe"/> (SNRM/UA). The link owns the pipe.</summary>
    public static async Task<HdlcClientLink> ConnectAsync(IDuplexPipe pipe, HdlcClientOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var link = new HdlcClientLink(pipe, options ?? new HdlcClientOptions());
        try
        {
            await link.Operations.RunAsync(link, static (l, ct) => l.OpenAsync(ct), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await link.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return link;
    }

    /// <summary>Opens a TCP connection and sets up HDLC over it (HDLC over TCP, as many gateways expose it).</summary>
    public static async Task<HdlcClientLink> ConnectTcpAsync(string host, int port, HdlcClientOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var pipe = await TcpTransport.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
        return await ConnectAsync(pipe, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens a TCP connection to <paramref name="endPoint"/> and sets up HDLC over it.</summary>
    public static async Task<HdlcClientLink> ConnectTcpAsync(EndPoint endPoint, HdlcClientOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var pipe = await TcpTransport.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
        return await ConnectAsync(pipe, options, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask OpenAsync(CancellationToken cancellationToken)
    {
        var own = _options.Parameters;
        var negotiate = _options.AlwaysNegotiate || own != HdlcParameters.Default;
        var field = new byte[own.EncodedLength];
        var fieldLength = negotiate ? own.Encode(field) : 0;
        for (var attempt = 0; attempt <= _options.MaxRetries; attempt++)
        {
            await SendUnnumberedAsync(HdlcControl.Snrm, true, field.AsSpan(0, fieldLength), cancellationToken).ConfigureAwait(false);
            var deadline = DeadlineReader.After(_options.ResponseTimeout);
            while (await ReadFrameAsync(deadline, cancellationToken).ConfigureAwait(false) is { } frame)
            {
                if (!IsForUs(frame))
                {
                    continue;
                }
                switch (frame.Kind)
                {
                    case HdlcFrameKind.UnnumberedAcknowledge:
                        string? deviation = null;
                        if (!(_options.AcceptMalformedParameters
                                ? HdlcParameters.TryParseLenient(frame.Information, out var offered, out deviation)
                                : HdlcParameters.TryParse(frame.Information, out offered)))
                        {
                            throw new CosemTransportException(TransportErrorKind.ProtocolViolation,
                                "The UA answering SNRM carries an unreadable parameter negotiation field.");
                        }
                        if (deviation is not null)
                        {
                            TransportLog.Deviation(Logger, Name, $"UA: {deviation}; read from the bytes present");
                        }
                        ResetLinkState(Negotiate(own, offered));
                        IsConnected = true;
                        TransportLog.LinkEvent(Logger, Name, $"connected to {RemoteAddress}: {Negotiated}");
                        return;
                    case HdlcFrameKind.DisconnectedMode:
                        throw new CosemTransportException(TransportErrorKind.Refused,
                            $"The server {RemoteAddress} refused the connection from client {LocalAddress} (DM).");
                    default:
                        Discard(frame, "not an answer to SNRM");
                        break;
                }
            }
        }
        throw new CosemTransportException(TransportErrorKind.Timeout,
            $"No UA from {RemoteAddress} after {_options.MaxRetries + 1} SNRM frames.");
    }

    private bool IsForUs(in HdlcReceivedFrame frame)
    {
        if (SameStation(frame.Destination, LocalAddress) && SameStation(frame.Source, RemoteAddress))
        {
            return true;
        }
        Discard(frame, "addressed to another station");
        return false;
    }

    // Liberal: a server answering with another address size but the same values is the same server.
    private static bool SameStation(HdlcAddress received, HdlcAddress expected) =>
        received.Upper == expected.Upper && (received.Size == 1 || expected.Size == 1 || received.Lower == expected.Lower);

    /// <summary>
    /// Sends a request in windows of I-frames, waiting for the server's RR between windows; a time-out, protocol
    /// violation or broken connection marks the link lost (connect again).
    /// </summary>
    public override ValueTask SendAsync(ReadOnlyMemory<byte> apdu, CancellationToken cancellationToken = default) =>
        Operations.RunAsync((Link: this, Apdu: apdu), static (s, ct) => s.Link.SendCoreAsync(s.Apdu, ct), cancellationToken, _onFailure);

    private async ValueTask SendCoreAsync(ReadOnlyMemory<byte> apdu, CancellationToken cancellationToken)
    {
        EnsureConnected();
        ClearReassembly(); // a new request abandons whatever was left of an earlier answer
        var total = EncodedApduLength(apdu.Length);
        var offset = 0;
        while (true)
        {
            offset = WriteWindow(apdu.Span, offset);
            await FlushAsync(cancellationToken).ConfigureAwait(false);
            if (offset == total)
            {
                // The answer (I-frames from the server) acknowledges the last window.
                _awaitingResponse = true;
                return;
            }
            await AwaitWindowAcknowledgedAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // After a window of a segmented APDU the server answers RR with N(R) = V(S) (IEC 62056-46 §6.4.4.4.3.5).
    private async ValueTask AwaitWindowAcknowledgedAsync(CancellationToken cancellationToken)
    {
        var retries = 0;
        var busySince = 0L;
        while (true)
        {
            var frame = await ReadFrameAsync(DeadlineReader.After(_options.ResponseTimeout), cancellationToken).ConfigureAwait(false);
            if (frame is not { } received)
            {
                await PollAfterTimeoutAsync(ref retries, cancellationToken).ConfigureAwait(false);
                continue;
            }
            if (!IsForUs(received))
            {
                continue;
            }
            switch (received.Kind)
            {
                case HdlcFrameKind.ReceiveReady:
                case HdlcFrameKind.ReceiveNotReady:
                    Acknowledge(received.ReceiveSequence);
                    if (received.Kind == HdlcFrameKind.ReceiveNotReady)
                    {
                        // A busy receiver gets no I-frames, not even the ones it missed: poll until it is ready
                        // (ISO/IEC 13239 §5.5.3.2, RNR).
                        busySince = busySince == 0 ? DeadlineReader.Now : busySince;
                        await PollBusyServerAsync(busySince, cancellationToken).ConfigureAwait(false);
                    }
                    else if (HasUnacknowledged)
                    {
                        busySince = 0;
                        CountRetry(ref retries);
                        await RetransmitAsync(cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        return;
                    }
                    break;
                default:
                    HandleUnexpected(received);
                    break;
            }
        }
    }

    /// <summary>
    /// Receives the answer, asking for further segments with RR and polling again after a response time-out; a
    /// failure marks the link lost like <see cref="SendAsync"/>.
    /// </summary>
    public override ValueTask<ApduMessage> ReceiveAsync(CancellationToken cancellationToken = default) =>
        Operations.RunAsync(this, static (link, ct) => link.ReceiveCoreAsync(ct), cancellationToken, _onFailure);

    private async ValueTask<ApduMessage> ReceiveCoreAsync(CancellationToken cancellationToken)
    {
        EnsureConnected();
        var retries = 0;
        var busySince = 0L;
        while (true)
        {
            // In normal response mode the server speaks only when polled: without a poll outstanding, wait.
            var deadline = _awaitingResponse ? DeadlineReader.After(_options.ResponseTimeout) : DeadlineReader.Never;
            var frame = await ReadFrameAsync(deadline, cancellationToken).ConfigureAwait(false);
            if (frame is not { } received)
            {
                await PollAfterTimeoutAsync(ref retries, cancellationToken).ConfigureAwait(false);
                continue;
            }
            if (!IsForUs(received))
            {
                continue;
            }
            switch (received.Kind)
            {
                case HdlcFrameKind.Information:
                    Acknowledge(received.ReceiveSequence);
                    busySince = 0;
                    if (received.SendSequence == ReceiveState)
                    {
                        ReceiveState = (ReceiveState + 1) & 7;
                        AppendSegment(received.Information);
                        if (!received.Segmented)
                        {
                            _awaitingResponse = false;
                            return TakeApdu(received.Source, received.Destination);
                        }
                        if (received.PollFinal)
                        {
                            // Next segment please (IEC 62056-46 §6.4.4.4.3.5).
                            retries = 0;
                            await SendSupervisoryAsync(HdlcControl.Rr, true, cancellationToken).ConfigureAwait(false);
                        }
                    }
                    else
                    {
                        Discard(received, $"N(S)={received.SendSequence} while V(R)={ReceiveState}");
                        if (received.PollFinal)
                        {
                            CountRetry(ref retries);
                            await SendSupervisoryAsync(HdlcControl.Rr, true, cancellationToken).ConfigureAwait(false);
                        }
                    }
                    break;
                case HdlcFrameKind.ReceiveReady:
                case HdlcFrameKind.ReceiveNotReady:
                    Acknowledge(received.ReceiveSequence);
                    if (HasUnacknowledged && received.Kind == HdlcFrameKind.ReceiveReady)
                    {
                        // The request did not arrive whole: go back to the first frame the server lacks.
                        busySince = 0;
                        CountRetry(ref retries);
                        await RetransmitAsync(cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        // Busy (RNR), or it got everything but has nothing to say yet: ask again shortly.
                        busySince = busySince == 0 ? DeadlineReader.Now : busySince;
                        await PollBusyServerAsync(busySince, cancellationToken).ConfigureAwait(false);
                    }
                    break;
                case HdlcFrameKind.UnnumberedInformation:
                    return UnnumberedApdu(received);
                default:
                    HandleUnexpected(received);
                    break;
            }
        }
    }

    private void HandleUnexpected(in HdlcReceivedFrame frame)
    {
        switch (frame.Kind)
        {
            case HdlcFrameKind.DisconnectedMode:
                IsConnected = false;
                throw new CosemTransportException(TransportErrorKind.Disconnected, $"The server {RemoteAddress} is in disconnected mode (DM).");
            case HdlcFrameKind.FrameReject:
                IsConnected = false;
                throw new CosemTransportException(TransportErrorKind.FrameRejected,
                    $"The server {RemoteAddress} rejected a frame (FRMR {Convert.ToHexString(frame.Information)}).");
            default:
                Discard(frame, "unexpected here");
                break;
        }
    }

    private ValueTask PollAfterTimeoutAsync(ref int retries, CancellationToken cancellationToken)
    {
        if (++retries > _options.MaxRetries)
        {
            throw new CosemTransportException(TransportErrorKind.Timeout,
                $"No answer from {RemoteAddress} within {_options.ResponseTimeout} after {_options.MaxRetries} polls.");
        }
        if (Logger.IsEnabled(LogLevel.Debug))
        {
            TransportLog.LinkEvent(Logger, Name, $"response time-out, polling (attempt {retries})");
        }
        // Checkpoint: RR with P asks the server for its N(R) and for any answer it holds (ISO/IEC 13239 §6.11.4.1).
        return SendSupervisoryAsync(HdlcControl.Rr, true, cancellationToken);
    }

    /// <summary>
    /// Polls a server that is busy (RNR) or has nothing to send yet (RR) after <see cref="HdlcClientOptions.BusyPollInterval"/>.
    /// A server may take its time to prepare an answer, so this is bounded by time, not by count: the whole
    /// response time-out budget (time-out times attempts) since the server first said it was busy.
    /// </summary>
    private async ValueTask PollBusyServerAsync(long busySince, CancellationToken cancellationToken)
    {
        var budget = _options.ResponseTimeout * (_options.MaxRetries + 1);
        if (DeadlineReader.Now - busySince > (long)budget.TotalMilliseconds)
        {
            throw new CosemTransportException(TransportErrorKind.Timeout,
                $"The server {RemoteAddress} stayed busy or without an answer for longer than {budget}.");
        }
        await Task.Delay(_options.BusyPollInterval, cancellationToken).ConfigureAwait(false);
        await SendSupervisoryAsync(HdlcControl.Rr, true, cancellationToken).ConfigureAwait(false);
    }

    private void CountRetry(ref int retries)
    {
        if (++retries > _options.MaxRetries * 4 + 8)
        {
            throw new CosemTransportException(TransportErrorKind.ProtocolViolation,
                $"The server {RemoteAddress} keeps the link from progressing (too many repeated RR/RNR or out-of-sequence frames).");
        }
    }

    // After these the two stations no longer agree on the state variables (retries exhausted, the procedure
    // broken, an answer cut off half-way, the connection gone): the link must be set up again with SNRM.
    private static bool LosesLink(CosemTransportException exception) => exception.Kind is TransportErrorKind.Timeout
        or TransportErrorKind.ProtocolViolation or TransportErrorKind.FrameTooLarge or TransportErrorKind.ConnectionClosed;

    private void LoseLink()
    {
        IsConnected = false;
        _awaitingResponse = false;
        ClearReassembly();
    }

    private void EnsureConnected()
    {
        if (!IsConnected)
        {
            throw new CosemTransportException(TransportErrorKind.Disconnected,
                "The HDLC link is not connected (disconnected, refused, or lost after a failure): connect again.");
        }
    }

    /// <summary>Sends DISC and waits for UA or DM (IEC 62056-46 §6.4.4.4.3.3). The link stays usable for disposal only.</summary>
    public Task DisconnectAsync(CancellationToken cancellationToken = default) =>
        Operations.RunAsync(this, static (link, ct) => link.DisconnectCoreAsync(ct), cancellationToken).AsTask();

    private async ValueTask DisconnectCoreAsync(CancellationToken cancellationToken)
    {
        if (!IsConnected)
        {
            return;
        }
        IsConnected = false;
        for (var attempt = 0; attempt <= Math.Min(_options.MaxRetries, 1); attempt++)
        {
            await SendUnnumberedAsync(HdlcControl.Disc, true, [], cancellationToken).ConfigureAwait(false);
            var deadline = DeadlineReader.After(_options.ResponseTimeout);
            while (await ReadFrameAsync(deadline, cancellationToken).ConfigureAwait(false) is { } frame)
            {
                if (frame.Kind is HdlcFrameKind.UnnumberedAcknowledge or HdlcFrameKind.DisconnectedMode && IsForUs(frame))
                {
                    TransportLog.LinkEvent(Logger, Name, $"disconnected from {RemoteAddress}");
                    return;
                }
            }
        }
    }

    private protected override async ValueTask CloseLinkAsync()
    {
        using var timeout = new CancellationTokenSource(_options.ResponseTimeout * 2);
        await DisconnectCoreAsync(timeout.Token).ConfigureAwait(false);
    }
}
