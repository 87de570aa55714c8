using System.IO.Pipelines;
using System.Net.Sockets;
using Cosem.Sdk.Transport.Pipes;
using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Transport.Hdlc;

/// <summary>
/// What the client and server sides of an HDLC link share (IEC 62056-46 §6.4.4): the byte pipe and its lifetime,
/// reading frames from it (<see cref="HdlcFrameReader"/>), writing frames to it, the receive state variable V(R), and
/// the parts that carry APDUs: <see cref="HdlcSendWindow"/> (V(S), windows, retransmission) and
/// <see cref="HdlcReassembly"/> (segmented APDUs in).
/// </summary>
/// <remarks>
/// Receiving is liberal: bytes before a flag are skipped, frames with a wrong HCS or FCS or for other addresses are
/// dropped and counted in <see cref="DiscardedFrames"/>, a partial frame followed by silence longer than
/// <see cref="HdlcLinkOptions.InterOctetTimeout"/> is dropped. Sending is exact. The link is half-duplex: one
/// operation at a time.
/// <para>
/// Disposal may race a pending operation: it cancels it, waits for it to end (a few seconds at most, for pipes
/// that ignore cancellation) and only then closes the pipe. The pending call ends with
/// <see cref="CosemTransportException"/> (<see cref="TransportErrorKind.ConnectionClosed"/>), or with
/// <see cref="OperationCanceledException"/> when its own token was cancelled too. The pooled buffers of the link
/// are returned by whoever leaves last, so an operation never touches a buffer already back in the pool.
/// </para>
/// </remarks>
public abstract class HdlcLink : IApduChannel, IHdlcFrameSink
{
    /// <summary>LLC header of an APDU sent by a client (IEC 62056-46 §6.5; Green Book "LLC sublayer").</summary>
    public static ReadOnlySpan<byte> ClientLlc => [0xE6, 0xE6, 0x00];

    /// <summary>LLC header of an APDU sent by a server.</summary>
    public static ReadOnlySpan<byte> ServerLlc => [0xE6, 0xE7, 0x00];

    private readonly IDuplexPipe _pipe;
    private readonly DeadlineReader _reader;
    private readonly HdlcFrameReader _frames;
    private readonly HdlcSendWindow _window;
    private readonly HdlcReassembly _reassembly;
    private readonly bool _isClient;
    private long _partialSince;
    private long _ignoredFrames;

    private protected HdlcLink(IDuplexPipe pipe, HdlcLinkOptions options, bool isClient, string name)
    {
        ArgumentNullException.ThrowIfNull(pipe);
        options.Parameters.Validate();
        _pipe = pipe;
        _reader = new DeadlineReader(pipe.Input);
        _isClient = isClient;
        _frames = new HdlcFrameReader(options.Logger, name);
        _window = new HdlcSendWindow(options.BufferPool);
        _reassembly = new HdlcReassembly(options.BufferPool, options.MaxApduLength);
        Operations = new OperationGuard(this, ReleaseResources, halfDuplex: true);
        Options = options;
        Logger = options.Logger;
        Name = name;
        Negotiated = HdlcParameters.Default;
    }

    private protected HdlcLinkOptions Options { get; }

    private protected ILogger Logger { get; }

    private protected string Name { get; }

    /// <summary>Runs every operation: one at a time (the link is half-duplex), cut short by disposal.</summary>
    private protected OperationGuard Operations { get; }

    /// <summary>This side's address on the link.</summary>
    public HdlcAddress LocalAddress { get; private protected set; }

    /// <summary>The peer's address on the link.</summary>
    public HdlcAddress RemoteAddress { get; private protected set; }

    /// <summary>The TCP peer when the link runs over a socket pipe (HDLC over TCP); null over serial lines and pipes.</summary>
    public System.Net.EndPoint? RemoteEndPoint => (_pipe as StreamDuplexPipe)?.RemoteEndPoint;

    /// <summary>Whether SNRM/UA has set up the link and no DISC/DM has ended it.</summary>
    public bool IsConnected { get; private protected set; }

    /// <summary>
    /// The parameters in force, from this side's point of view: transmit values bound what it sends, receive
    /// values what it accepts.
    /// </summary>
    public HdlcParameters Negotiated { get; private set; }

    /// <summary>Frames dropped: wrong HCS/FCS, malformed, truncated, or addressed to someone else.</summary>
    public long DiscardedFrames => _frames.DiscardedFrames + _ignoredFrames;

    /// <summary>V(S): sequence number of the next I-frame to send.</summary>
    private protected int SendState => _window.SendState;

    /// <summary>V(R): sequence number of the next I-frame expected.</summary>
    private protected int ReceiveState { get; set; }

    /// <summary>Whether sent I-frames are still waiting for acknowledgement.</summary>
    private protected bool HasUnacknowledged => _window.HasUnacknowledged;

    /// <summary>Whether an APDU is partly received.</summary>
    private protected bool Reassembling => _reassembly.IsActive;

    /// <summary>Sends an APDU in I-frames, segmented to the negotiated information field length and window size.</summary>
    public abstract ValueTask SendAsync(ReadOnlyMemory<byte> apdu, CancellationToken cancellationToken = default);

    /// <summary>Receives the next APDU, reassembled from its I-frames (or whole from a UI frame), without the LLC header.</summary>
    public abstract ValueTask<ApduMessage> ReceiveAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends an APDU in one UI frame (IEC 62056-46 §6.4.4.4.3.9; Green Book: unconfirmed services such as a
    /// server's EventNotification): LLC header included, no sequence numbers, no acknowledgement, no segmentation,
    /// and allowed whether or not the link is connected. A client sends it with P = 0 (no answer asked for); a
    /// server with F = 1, since in normal response mode it speaks only when polled and hands the turn back with it.
    /// The peer's <see cref="ReceiveAsync"/> returns it like any APDU.
    /// </summary>
    /// <exception cref="CosemTransportException">
    /// <see cref="TransportErrorKind.FrameTooLarge"/> when LLC + APDU exceed the information field length in force.
    /// </exception>
    public ValueTask SendUnnumberedInformationAsync(ReadOnlyMemory<byte> apdu, CancellationToken cancellationToken = default)
    {
        var limit = Negotiated.MaxInfoFieldLengthTransmit;
        if (HdlcSendWindow.LlcLength + apdu.Length > limit)
        {
            return ValueTask.FromException(new CosemTransportException(TransportErrorKind.FrameTooLarge,
                $"A UI frame cannot be segmented: {apdu.Length} APDU bytes and the LLC header exceed the {limit}-byte information field."));
        }
        return Operations.RunAsync((Link: this, Apdu: apdu), static (s, ct) =>
        {
            var link = s.Link;
            link.WriteFrame(link.RemoteAddress, link.LocalAddress, HdlcControl.Unnumbered(HdlcControl.Ui, pollFinal: !link._isClient), false,
                link._isClient ? ClientLlc : ServerLlc, s.Apdu.Span);
            return link.FlushAsync(ct);
        }, cancellationToken);
    }

    /// <summary>Negotiation (IEC 62056-46 §6.4.4.4.3.2): each value is the smaller of what both sides offer.</summary>
    private protected static HdlcParameters Negotiate(HdlcParameters own, HdlcParameters peer) => new(
        ClampLength(Math.Min(own.MaxInfoFieldLengthTransmit, peer.MaxInfoFieldLengthReceive)),
        ClampLength(Math.Min(own.MaxInfoFieldLengthReceive, peer.MaxInfoFieldLengthTransmit)),
        ClampWindow(Math.Min(own.WindowSizeTransmit, peer.WindowSizeReceive)),
        ClampWindow(Math.Min(own.WindowSizeReceive, peer.WindowSizeTransmit)));

    private static int ClampLength(int value) => Math.Clamp(value, HdlcParameters.MinInfoFieldLength, HdlcParameters.MaxInfoFieldLength);

    private static int ClampWindow(int value) => Math.Clamp(value, 1, 7);

    /// <summary>Starts a fresh link (after SNRM/UA): state variables to 0, retained and partial data discarded.</summary>
    private protected void ResetLinkState(HdlcParameters negotiated)
    {
        Negotiated = negotiated;
        ReceiveState = 0;
        _window.Reset(negotiated.MaxInfoFieldLengthTransmit, negotiated.WindowSizeTransmit);
        _reassembly.Clear();
    }

    // ---------------------------------------------------------------- frames in

    /// <summary>
    /// Reads the next valid frame, or returns <see langword="null"/> when <paramref name="deadline"/> passes first.
    /// Throws <see cref="CosemTransportException"/> (ConnectionClosed) when the byte stream ends.
    /// </summary>
    private protected async ValueTask<HdlcReceivedFrame?> ReadFrameAsync(long deadline, CancellationToken cancellationToken)
    {
        var interOctet = (long)Options.InterOctetTimeout.TotalMilliseconds;
        while (true)
        {
            var readDeadline = _partialSince != 0 ? Math.Min(deadline, _partialSince + interOctet) : deadline;
            ReadResult result;
            bool timedOut;
            try
            {
                (result, timedOut) = await _reader.ReadAsync(readDeadline, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or InvalidOperationException)
            {
                throw new CosemTransportException(TransportErrorKind.ConnectionClosed, "The connection broke while receiving.", ex);
            }
            var buffer = result.Buffer;
            var found = false;
            try
            {
                var now = DeadlineReader.Now;
                var dropPartial = _partialSince != 0 && now >= _partialSince + interOctet;
                if (_frames.TryRead(ref buffer, dropPartial, out var frame))
                {
                    found = true;
                    _partialSince = 0;
                    return frame;
                }
                _partialSince = buffer.Length > 1 ? (_partialSince == 0 || dropPartial ? now : _partialSince) : 0;
                if (result.IsCompleted)
                {
                    throw new CosemTransportException(TransportErrorKind.ConnectionClosed, buffer.Length > 1
                        ? $"The peer closed the connection in the middle of a frame ({buffer.Length} bytes pending)."
                        : "The peer closed the connection.");
                }
                if (timedOut && now >= deadline)
                {
                    return null;
                }
            }
            finally
            {
                if (found)
                {
                    _pipe.Input.AdvanceTo(buffer.Start);
                }
                else
                {
                    _pipe.Input.AdvanceTo(buffer.Start, buffer.End);
                }
            }
        }
    }

    /// <summary>Counts a valid frame that this side ignores (wrong address, unexpected type).</summary>
    private protected void Discard(in HdlcReceivedFrame frame, string reason)
    {
        _ignoredFrames++;
        if (Logger.IsEnabled(LogLevel.Debug))
        {
            TransportLog.LinkEvent(Logger, Name, $"ignored {frame.Kind} from {frame.Source} to {frame.Destination}: {reason}");
        }
    }

    // ---------------------------------------------------------------- frames out

    /// <summary>Encodes one frame to <see cref="RemoteAddress"/> into the output (not yet flushed).</summary>
    private protected void WriteFrame(byte control, bool segmented, ReadOnlySpan<byte> information) =>
        WriteFrame(RemoteAddress, LocalAddress, control, segmented, [], information);

    void IHdlcFrameSink.WriteFrame(byte control, bool segmented, ReadOnlySpan<byte> information) =>
        WriteFrame(control, segmented, information);

    private protected void WriteFrame(HdlcAddress to, HdlcAddress from, byte control, bool segmented, ReadOnlySpan<byte> prefix,
        ReadOnlySpan<byte> information)
    {
        var output = _pipe.Output;
        Span<byte> span;
        try
        {
            span = output.GetSpan(HdlcFrame.GetEncodedLength(to, from, prefix.Length + information.Length));
        }
        catch (InvalidOperationException ex)
        {
            throw new CosemTransportException(TransportErrorKind.ConnectionClosed, "The connection is closed for sending.", ex);
        }
        var written = HdlcFrame.Encode(span, to, from, control, segmented, prefix, information);
        TransportLog.FrameSent(Logger, Name, span[..written]);
        output.Advance(written);
    }

    private protected async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        FlushResult result;
        try
        {
            result = await _pipe.Output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            throw new CosemTransportException(TransportErrorKind.ConnectionClosed, "The connection closed while sending.", ex);
        }
        if (result.IsCompleted)
        {
            throw new CosemTransportException(TransportErrorKind.ConnectionClosed, "The peer no longer reads from the connection.");
        }
    }

    private protected ValueTask SendSupervisoryAsync(byte type, bool pollFinal, CancellationToken cancellationToken)
    {
        WriteFrame(HdlcControl.Supervisory(type, ReceiveState, pollFinal), false, []);
        return FlushAsync(cancellationToken);
    }

    private protected ValueTask SendUnnumberedAsync(byte type, bool pollFinal, ReadOnlySpan<byte> information, CancellationToken cancellationToken)
    {
        WriteFrame(HdlcControl.Unnumbered(type, pollFinal), false, information);
        return FlushAsync(cancellationToken);
    }

    // ---------------------------------------------------------------- APDUs out and in

    /// <summary>
    /// Writes one window of I-frames carrying the APDU from <paramref name="offset"/> (counted over LLC + APDU), the
    /// last one with P/F set. Returns the new offset; the whole APDU is out when it equals
    /// <see cref="EncodedApduLength"/>. Call only once everything sent before is acknowledged.
    /// </summary>
    private protected int WriteWindow(ReadOnlySpan<byte> apdu, int offset) =>
        _window.WriteWindow(this, _isClient ? ClientLlc : ServerLlc, apdu, offset, ReceiveState);

    private protected static int EncodedApduLength(int apduLength) => HdlcSendWindow.LlcLength + apduLength;

    /// <inheritdoc cref="HdlcSendWindow.Acknowledge"/>
    private protected bool Acknowledge(int receiveSequence) => _window.Acknowledge(receiveSequence);

    /// <summary>Go-back-N: sends again every retained I-frame from the oldest unacknowledged one, P/F on the last.</summary>
    private protected ValueTask RetransmitAsync(CancellationToken cancellationToken)
    {
        _window.WriteRetransmission(this, ReceiveState);
        if (Logger.IsEnabled(LogLevel.Debug))
        {
            TransportLog.LinkEvent(Logger, Name, $"retransmitting from N(S)={_window.UnacknowledgedStart} to {(SendState + 7) & 7}");
        }
        return FlushAsync(cancellationToken);
    }

    /// <inheritdoc cref="HdlcReassembly.Append"/>
    private protected void AppendSegment(ReadOnlySpan<byte> information) => _reassembly.Append(information);

    /// <inheritdoc cref="HdlcReassembly.Take"/>
    private protected ApduMessage TakeApdu(HdlcAddress source, HdlcAddress destination) => _reassembly.Take(source, destination);

    private protected void ClearReassembly() => _reassembly.Clear();

    /// <summary>An APDU carried whole in a UI frame (IEC 62056-46 §6.4.4.4.3.9), without its LLC header.</summary>
    private protected static ApduMessage UnnumberedApdu(in HdlcReceivedFrame frame) =>
        ApduMessage.Create(HdlcReassembly.WithoutLlc(frame.Information), frame.Source.Upper, frame.Destination.Upper);

    // ---------------------------------------------------------------- disposal

    /// <summary>Takes the link down politely where the role says so (the client sends DISC).</summary>
    private protected virtual ValueTask CloseLinkAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// Says goodbye when idle (<see cref="CloseLinkAsync"/>), otherwise cancels the pending operation and waits for
    /// it, then closes the pipe.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (!Operations.TryBeginDispose())
        {
            return;
        }
        // Idle: take the half-duplex turn for good and say goodbye politely. Busy: the pending operation is
        // cancelled below instead; it keeps the buffers it uses until it has ended.
        if (Operations.TryBeginFinalExchange())
        {
            try
            {
                await CloseLinkAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is CosemTransportException or OperationCanceledException or InvalidOperationException or IOException)
            {
                // The peer is gone or silent; nothing more to say to it.
            }
            finally
            {
                Operations.EndFinalExchange();
            }
        }
        if (!await Operations.CloseAsync().ConfigureAwait(false))
        {
            TransportLog.LinkEvent(Logger, Name, "a pending operation ignored cancellation; closing the connection under it");
        }
        try
        {
            if (_pipe is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                await _pipe.Output.CompleteAsync().ConfigureAwait(false);
                await _pipe.Input.CompleteAsync().ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // A connection that breaks while being closed is closed.
        }
        Operations.ReleaseOwner();
        GC.SuppressFinalize(this);
    }

    // Runs once, when neither the link nor any operation uses the buffers any more.
    private void ReleaseResources()
    {
        _reader.Dispose();
        _window.Release();
        _reassembly.Release();
    }
}
