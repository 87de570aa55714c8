using System.IO.Pipelines;
using Cosem.Sdk.Transport.Pipes;
using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Transport.Hdlc;

/// <summary>
/// The server (secondary station) side of an HDLC link (IEC 62056-46 §6.4.4): answers SNRM with UA and the
/// negotiated parameters (or DM when refused), DISC with UA (or DM when not connected), reassembles segmented
/// APDUs answering RR for each window, sends its answers in windows with the final bit on the last frame and
/// waits for RR before the next window, and retransmits what the client reports missing.
/// </summary>
/// <remarks>
/// <see cref="ReceiveAsync"/> handles the connection set-up itself. When the client disconnects it throws a
/// <see cref="CosemTransportException"/> of kind <see cref="TransportErrorKind.Disconnected"/>; calling it again
/// waits for a new SNRM on the same byte stream. Silence longer than the inactivity time-out ends with
/// <see cref="TransportErrorKind.Timeout"/>.
/// </remarks>
public sealed class HdlcServerLink : HdlcLink
{
    private readonly HdlcServerOptions _options;

    // Counts SNRMs answered: a change tells a multi-frame answer that the link under it was started afresh.
    private int _linkGeneration;

    /// <summary>A server link over <paramref name="pipe"/> (which it owns), waiting for SNRM.</summary>
    public HdlcServerLink(IDuplexPipe pipe, HdlcServerOptions? options = null)
        : base(pipe, options ??= new HdlcServerOptions(), isClient: false, "hdlc-server")
    {
        _options = options;
    }

    private bool Accepts(HdlcAddress server, HdlcAddress client) =>
        !server.IsAllStations && (_options.AcceptConnection?.Invoke(server, client) ?? true);

    /// <summary>
    /// Receives the next APDU; SNRM, DISC, polls and retransmission requests arriving meanwhile are answered here.
    /// </summary>
    public override ValueTask<ApduMessage> ReceiveAsync(CancellationToken cancellationToken = default) =>
        Operations.RunAsync(this, static (link, ct) => link.ReceiveCoreAsync(ct), cancellationToken);

    private async ValueTask<ApduMessage> ReceiveCoreAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var received = await ReadOrInactivityAsync(cancellationToken).ConfigureAwait(false);
            if (!await HandleCommonAsync(received, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }
            switch (received.Kind)
            {
                case HdlcFrameKind.Information:
                    Acknowledge(received.ReceiveSequence);
                    if (received.SendSequence == ReceiveState)
                    {
                        ReceiveState = (ReceiveState + 1) & 7;
                        AppendSegment(received.Information);
                        if (!received.Segmented)
                        {
                            return TakeApdu(received.Source, received.Destination);
                        }
                        if (received.PollFinal)
                        {
                            await SendSupervisoryAsync(HdlcControl.Rr, true, cancellationToken).ConfigureAwait(false);
                        }
                    }
                    else if (received.SendSequence == ((ReceiveState + 7) & 7) && !Reassembling && HasUnacknowledged)
                    {
                        // The client repeats its last request: our answer was lost. Send it again.
                        await RetransmitAsync(cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        Discard(received, $"N(S)={received.SendSequence} while V(R)={ReceiveState}");
                        if (received.PollFinal)
                        {
                            await SendSupervisoryAsync(HdlcControl.Rr, true, cancellationToken).ConfigureAwait(false);
                        }
                    }
                    break;
                case HdlcFrameKind.ReceiveReady:
                case HdlcFrameKind.ReceiveNotReady:
                    Acknowledge(received.ReceiveSequence);
                    if (received.PollFinal)
                    {
                        await AnswerPollAsync(received, cancellationToken).ConfigureAwait(false);
                    }
                    break;
                case HdlcFrameKind.UnnumberedInformation:
                    return UnnumberedApdu(received);
                default:
                    await RejectAsync(received, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    /// <summary>Sends an answer in windows of I-frames, waiting for the client's RR between windows.</summary>
    public override ValueTask SendAsync(ReadOnlyMemory<byte> apdu, CancellationToken cancellationToken = default) =>
        Operations.RunAsync((Link: this, Apdu: apdu), static (s, ct) => s.Link.SendCoreAsync(s.Apdu, ct), cancellationToken);

    private async ValueTask SendCoreAsync(ReadOnlyMemory<byte> apdu, CancellationToken cancellationToken)
    {
        if (!IsConnected)
        {
            throw new CosemTransportException(TransportErrorKind.Disconnected, "The HDLC link is not connected.");
        }
        var total = EncodedApduLength(apdu.Length);
        var offset = 0;
        var generation = _linkGeneration;
        while (true)
        {
            offset = WriteWindow(apdu.Span, offset);
            await FlushAsync(cancellationToken).ConfigureAwait(false);
            if (offset == total)
            {
                return; // kept for retransmission until the client's next frame acknowledges it
            }
            await AwaitNextWindowRequestAsync(generation, cancellationToken).ConfigureAwait(false);
        }
    }

    // The client asks for the next window with RR, P set and N(R) = our V(S) (IEC 62056-46 §6.4.4.4.3.5).
    private async ValueTask AwaitNextWindowRequestAsync(int generation, CancellationToken cancellationToken)
    {
        while (true)
        {
            var received = await ReadOrInactivityAsync(cancellationToken).ConfigureAwait(false);
            if (!await HandleCommonAsync(received, cancellationToken).ConfigureAwait(false))
            {
                if (!IsConnected || generation != _linkGeneration)
                {
                    // SNRM restarted the link (state variables to zero): the rest of this answer belongs to the old one.
                    throw new CosemTransportException(TransportErrorKind.Disconnected,
                        "The client reset or closed the link while a segmented answer was being sent.");
                }
                continue;
            }
            switch (received.Kind)
            {
                case HdlcFrameKind.ReceiveReady:
                case HdlcFrameKind.ReceiveNotReady:
                    Acknowledge(received.ReceiveSequence);
                    if (!HasUnacknowledged && received.Kind == HdlcFrameKind.ReceiveReady)
                    {
                        return;
                    }
                    if (received.PollFinal)
                    {
                        await AnswerPollAsync(received, cancellationToken).ConfigureAwait(false);
                    }
                    break;
                default:
                    await RejectAsync(received, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    private async ValueTask<HdlcReceivedFrame> ReadOrInactivityAsync(CancellationToken cancellationToken)
    {
        var frame = await ReadFrameAsync(DeadlineReader.After(_options.InactivityTimeout), cancellationToken).ConfigureAwait(false);
        if (frame is { } received)
        {
            return received;
        }
        IsConnected = false;
        throw new CosemTransportException(TransportErrorKind.Timeout,
            $"No frame from the client within the inactivity time-out ({_options.InactivityTimeout}).");
    }

    /// <summary>
    /// Address filtering and the link-management frames that may arrive at any moment (SNRM, DISC, frames while
    /// disconnected). Returns true when the frame is an I-, S- or other frame for the connected link to handle.
    /// </summary>
    private async ValueTask<bool> HandleCommonAsync(HdlcReceivedFrame frame, CancellationToken cancellationToken)
    {
        if (IsConnected && !(frame.Destination == LocalAddress && frame.Source == RemoteAddress)
            && frame.Kind != HdlcFrameKind.SetNormalResponseMode)
        {
            Discard(frame, "not for this link");
            return false;
        }
        if (!IsConnected || frame.Kind is HdlcFrameKind.SetNormalResponseMode)
        {
            if (!Accepts(frame.Destination, frame.Source))
            {
                Discard(frame, "address not served");
                return false;
            }
        }
        switch (frame.Kind)
        {
            case HdlcFrameKind.SetNormalResponseMode:
                await AnswerSnrmAsync(frame, cancellationToken).ConfigureAwait(false);
                return false;
            case HdlcFrameKind.Disconnect:
                var wasConnected = IsConnected;
                ReplyTo(frame);
                IsConnected = false;
                ClearReassembly();
                await SendUnnumberedAsync(wasConnected ? HdlcControl.Ua : HdlcControl.Dm, true, [], cancellationToken).ConfigureAwait(false);
                if (wasConnected)
                {
                    TransportLog.LinkEvent(Logger, Name, $"client {RemoteAddress} disconnected");
                    throw new CosemTransportException(TransportErrorKind.Disconnected, $"The client {RemoteAddress} disconnected (DISC).");
                }
                return false;
            case var _ when !IsConnected:
                // Disconnected mode: answer commands that ask for an answer with DM (IEC 62056-46 §6.4.4.4.3.7).
                if (frame.PollFinal && frame.Kind is not (HdlcFrameKind.UnnumberedAcknowledge or HdlcFrameKind.DisconnectedMode))
                {
                    ReplyTo(frame);
                    await SendUnnumberedAsync(HdlcControl.Dm, true, [], cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    Discard(frame, "link not connected");
                }
                return false;
            default:
                return true;
        }
    }

    private void ReplyTo(in HdlcReceivedFrame frame)
    {
        LocalAddress = frame.Destination;
        RemoteAddress = frame.Source;
    }

    private async ValueTask AnswerSnrmAsync(HdlcReceivedFrame frame, CancellationToken cancellationToken)
    {
        ReplyTo(frame);
        _linkGeneration++;
        if (!HdlcParameters.TryParse(frame.Information, out var offered))
        {
            // A negotiation field we cannot read: refuse rather than guess the peer's limits.
            IsConnected = false;
            await SendUnnumberedAsync(HdlcControl.Dm, true, [], cancellationToken).ConfigureAwait(false);
            return;
        }
        // SNRM (re)starts the link: state variables to zero, anything half-done forgotten (IEC 62056-46 §6.4.4.4.3.2).
        ResetLinkState(Negotiate(_options.Parameters, offered));
        IsConnected = true;
        Span<byte> field = stackalloc byte[32];
        var length = Negotiated.Encode(field);
        await SendUnnumberedAsync(HdlcControl.Ua, true, field[..length], cancellationToken).ConfigureAwait(false);
        TransportLog.LinkEvent(Logger, Name, $"client {RemoteAddress} connected to {LocalAddress}: {Negotiated}");
    }

    // A poll is answered with what the client lacks, except that a busy client (RNR) gets no I-frames: RR with F
    // hands the turn back, and the client polls again with RR once it is ready (ISO/IEC 13239 §5.5.3.2).
    private ValueTask AnswerPollAsync(in HdlcReceivedFrame frame, CancellationToken cancellationToken) =>
        HasUnacknowledged && frame.Kind == HdlcFrameKind.ReceiveReady
            ? RetransmitAsync(cancellationToken)
            : SendSupervisoryAsync(HdlcControl.Rr, true, cancellationToken);

    // Frames a secondary station cannot accept in this state: FRMR (IEC 62056-46 §6.4.4.4.3.8) with the rejected
    // control byte, V(S)/V(R) and the W bit (control field undefined or not implemented).
    private ValueTask RejectAsync(in HdlcReceivedFrame frame, CancellationToken cancellationToken)
    {
        if (!frame.PollFinal && frame.Kind is HdlcFrameKind.UnnumberedAcknowledge or HdlcFrameKind.DisconnectedMode)
        {
            Discard(frame, "response frame received by the secondary station");
            return ValueTask.CompletedTask;
        }
        Discard(frame, "frame rejected");
        ReadOnlySpan<byte> information = [frame.Control, (byte)((ReceiveState << 5) | (SendState << 1)), 0x01];
        return SendUnnumberedAsync(HdlcControl.Frmr, true, information, cancellationToken);
    }

    /// <summary>Log helper kept for symmetry with the client; the server has nothing to close actively.</summary>
    private protected override ValueTask CloseLinkAsync()
    {
        if (IsConnected && Logger.IsEnabled(LogLevel.Debug))
        {
            TransportLog.LinkEvent(Logger, Name, $"closing the link to {RemoteAddress}");
        }
        return ValueTask.CompletedTask;
    }
}
