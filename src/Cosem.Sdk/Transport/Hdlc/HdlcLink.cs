using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using Cosem.Sdk.Transport.Pipes;
using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Transport.Hdlc;

/// <summary>
/// What the client and server sides of an HDLC link share (IEC 62056-46 §6.4.4): reading frames from the byte
/// stream with resynchronisation, the send and receive state variables V(S)/V(R) modulo 8, the retained window of
/// sent I-frames for retransmission, and APDU segmentation and reassembly with the LLC header.
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
public abstract class HdlcLink : IApduChannel
{
    /// <summary>LLC header of an APDU sent by a client (IEC 62056-46 §6.5; Green Book "LLC sublayer").</summary>
    public static ReadOnlySpan<byte> ClientLlc => [0xE6, 0xE6, 0x00];

    /// <summary>LLC header of an APDU sent by a server.</summary>
    public static ReadOnlySpan<byte> ServerLlc => [0xE6, 0xE7, 0x00];

    private const int LlcLength = 3;
    private const int SlotCount = 8;

    private readonly IDuplexPipe _pipe;
    private readonly DeadlineReader _reader;
    private readonly byte[] _scratch = new byte[HdlcFrame.MaxFrameLength + 2];
    private readonly bool _isClient;
    private readonly ArrayPool<byte> _pool;
    private readonly OperationLifetime _lifetime;
    private long _partialSince;
    private int _busy;
    private int _disposed;

    // Retained I-frames by N(S): information bytes (LLC included) and segmentation bit, for go-back-N.
    private byte[]? _slots;
    private readonly int[] _slotLength = new int[SlotCount];
    private readonly bool[] _slotSegmented = new bool[SlotCount];
    private int _unackedStart;

    // Reassembly of a segmented APDU.
    private byte[]? _apdu;
    private int _apduLength;
    private bool _reassembling;

    private protected HdlcLink(IDuplexPipe pipe, HdlcLinkOptions options, bool isClient, string name)
    {
        ArgumentNullException.ThrowIfNull(pipe);
        options.Parameters.Validate();
        _pipe = pipe;
        _reader = new DeadlineReader(pipe.Input);
        _isClient = isClient;
        _pool = options.BufferPool;
        _lifetime = new OperationLifetime(ReleaseResources);
        Options = options;
        Logger = options.Logger;
        Name = name;
        Negotiated = HdlcParameters.Default;
    }

    private protected HdlcLinkOptions Options { get; }

    private protected ILogger Logger { get; }

    private protected string Name { get; }

    /// <summary>This side's address on the link.</summary>
    public HdlcAddress LocalAddress { get; private protected set; }

    /// <summary>The peer's address on the link.</summary>
    public HdlcAddress RemoteAddress { get; private protected set; }

    /// <summary>Whether SNRM/UA has set up the link and no DISC/DM has ended it.</summary>
    public bool IsConnected { get; private protected set; }

    /// <summary>
    /// The parameters in force, from this side's point of view: transmit values bound what it sends, receive
    /// values what it accepts.
    /// </summary>
    public HdlcParameters Negotiated { get; private protected set; }

    /// <summary>Frames dropped: wrong HCS/FCS, malformed, truncated, or addressed to someone else.</summary>
    public long DiscardedFrames { get; private set; }

    /// <summary>V(S): sequence number of the next I-frame to send.</summary>
    private protected int SendState { get; set; }

    /// <summary>V(R): sequence number of the next I-frame expected.</summary>
    private protected int ReceiveState { get; set; }

    /// <summary>Whether sent I-frames are still waiting for acknowledgement.</summary>
    private protected bool HasUnacknowledged => _unackedStart != SendState;

    public abstract ValueTask SendAsync(ReadOnlyMemory<byte> apdu, CancellationToken cancellationToken = default);

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
    public async ValueTask SendUnnumberedInformationAsync(ReadOnlyMemory<byte> apdu, CancellationToken cancellationToken = default)
    {
        var limit = Negotiated.MaxInfoFieldLengthTransmit;
        if (LlcLength + apdu.Length > limit)
        {
            throw new CosemTransportException(TransportErrorKind.FrameTooLarge,
                $"A UI frame cannot be segmented: {apdu.Length} APDU bytes and the LLC header exceed the {limit}-byte information field.");
        }
        var operation = EnterOperation(cancellationToken);
        try
        {
            WriteFrame(RemoteAddress, LocalAddress, HdlcControl.Unnumbered(HdlcControl.Ui, pollFinal: !_isClient), false,
                _isClient ? ClientLlc : ServerLlc, apdu.Span);
            await FlushAsync(operation.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (operation.ClosedUnder(ex))
        {
            throw OperationScope.Closed(ex);
        }
        finally
        {
            ExitOperation(operation);
        }
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
        SendState = ReceiveState = _unackedStart = 0;
        _reassembling = false;
        _apduLength = 0;
        var slotSize = negotiated.MaxInfoFieldLengthTransmit;
        if (_slots is null || _slots.Length < slotSize * SlotCount)
        {
            ReturnSlots();
            _slots = _pool.Rent(slotSize * SlotCount);
        }
    }

    /// <summary>
    /// Starts an operation: takes the half-duplex turn and a reference on the link's buffers. Use the returned
    /// scope's token for every await, and end with <see cref="ExitOperation"/>.
    /// </summary>
    private protected OperationScope EnterOperation(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (Interlocked.Exchange(ref _busy, 1) != 0)
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            throw new InvalidOperationException("An HDLC link is half-duplex: wait for the pending operation to finish.");
        }
        try
        {
            return OperationScope.Enter(_lifetime, this, cancellationToken);
        }
        catch
        {
            Volatile.Write(ref _busy, 0);
            throw;
        }
    }

    private protected void ExitOperation(in OperationScope operation)
    {
        Volatile.Write(ref _busy, 0);
        operation.Dispose();
    }

    // ---------------------------------------------------------------- frames in

    /// <summary>A frame read from the link; <see cref="Information"/> is valid until the next read.</summary>
    private protected readonly struct ReceivedFrame(byte[] scratch, int informationOffset, int informationLength, byte control,
        bool segmented, HdlcAddress destination, HdlcAddress source)
    {
        public byte Control { get; } = control;

        public bool Segmented { get; } = segmented;

        public HdlcAddress Destination { get; } = destination;

        public HdlcAddress Source { get; } = source;

        public HdlcFrameKind Kind => HdlcControl.KindOf(Control);

        public int SendSequence => HdlcControl.SendSequenceOf(Control);

        public int ReceiveSequence => HdlcControl.ReceiveSequenceOf(Control);

        public bool PollFinal => HdlcControl.IsPollFinal(Control);

        public ReadOnlySpan<byte> Information => new(scratch, informationOffset, informationLength);
    }

    /// <summary>
    /// Reads the next valid frame, or returns <see langword="null"/> when <paramref name="deadline"/> passes first.
    /// Throws <see cref="CosemTransportException"/> (ConnectionClosed) when the byte stream ends.
    /// </summary>
    private protected async ValueTask<ReceivedFrame?> ReadFrameAsync(long deadline, CancellationToken cancellationToken)
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
                if (TryExtractFrame(ref buffer, dropPartial, out var frame))
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

    private bool TryExtractFrame(ref ReadOnlySequence<byte> buffer, bool dropPartial, out ReceivedFrame frame)
    {
        frame = default;
        while (true)
        {
            var flag = buffer.PositionOf(HdlcFrame.Flag);
            if (flag is null)
            {
                if (!buffer.IsEmpty)
                {
                    TransportLog.FrameDropped(Logger, Name, "bytes outside a frame", buffer.Slice(0, Math.Min(buffer.Length, 64)).ToArray());
                }
                buffer = buffer.Slice(buffer.End);
                return false;
            }
            if (!flag.Value.Equals(buffer.Start))
            {
                var garbage = buffer.Slice(buffer.Start, flag.Value);
                TransportLog.FrameDropped(Logger, Name, "bytes outside a frame", garbage.Slice(0, Math.Min(garbage.Length, 64)).ToArray());
                buffer = buffer.Slice(flag.Value);
            }
            var length = (int)Math.Min(buffer.Length, _scratch.Length);
            buffer.Slice(0, length).CopyTo(_scratch);
            var candidate = _scratch.AsSpan(0, length);
            if (length >= 2 && candidate[1] == HdlcFrame.Flag)
            {
                buffer = buffer.Slice(1); // a closing flag followed by a separate opening flag
                continue;
            }
            var status = HdlcFrame.Decode(candidate, out var decoded, out var closingFlag);
            switch (status)
            {
                case HdlcDecodeStatus.Complete:
                    candidate.Overlaps(decoded.Information, out var offset);
                    TransportLog.FrameReceived(Logger, Name, candidate[..(closingFlag + 1)]);
                    frame = new ReceivedFrame(_scratch, decoded.Information.IsEmpty ? 0 : offset, decoded.Information.Length,
                        decoded.Control, decoded.Segmented, decoded.Destination, decoded.Source);
                    buffer = buffer.Slice(closingFlag); // the closing flag may open the next frame
                    return true;
                case HdlcDecodeStatus.Incomplete when !dropPartial:
                    return false;
                case HdlcDecodeStatus.Incomplete:
                    DiscardedFrames++;
                    TransportLog.FrameDropped(Logger, Name, "inter-octet time-out", candidate);
                    dropPartial = false;
                    buffer = buffer.Slice(1);
                    continue;
                default:
                    DiscardedFrames++;
                    TransportLog.FrameDropped(Logger, Name, status.ToString(), candidate[..Math.Min(candidate.Length, 64)]);
                    buffer = buffer.Slice(1);
                    continue;
            }
        }
    }

    /// <summary>Counts a valid frame that this side ignores (wrong address, unexpected type).</summary>
    private protected void Discard(in ReceivedFrame frame, string reason)
    {
        DiscardedFrames++;
        if (Logger.IsEnabled(LogLevel.Debug))
        {
            TransportLog.LinkEvent(Logger, Name, $"ignored {frame.Kind} from {frame.Source} to {frame.Destination}: {reason}");
        }
    }

    // ---------------------------------------------------------------- frames out

    /// <summary>Encodes one frame to <see cref="RemoteAddress"/> into the output (not yet flushed).</summary>
    private protected void WriteFrame(byte control, bool segmented, ReadOnlySpan<byte> information) =>
        WriteFrame(RemoteAddress, LocalAddress, control, segmented, [], information);

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

    // ---------------------------------------------------------------- segmentation out

    /// <summary>
    /// Sends one window of I-frames carrying the APDU from <paramref name="offset"/> (counted over LLC + APDU), the
    /// last one with P/F set. Returns the new offset; the whole APDU is out when it equals LLC + APDU length.
    /// </summary>
    private protected int WriteWindow(ReadOnlySpan<byte> apdu, int offset)
    {
        var llc = _isClient ? ClientLlc : ServerLlc;
        var total = LlcLength + apdu.Length;
        var maxInfo = Negotiated.MaxInfoFieldLengthTransmit;
        var window = Negotiated.WindowSizeTransmit;
        _unackedStart = SendState; // the caller waited for everything before to be acknowledged
        for (var sent = 0; sent < window && offset < total; sent++)
        {
            var chunk = Math.Min(maxInfo, total - offset);
            var last = offset + chunk == total;
            var slot = _slots.AsSpan(SendState * maxInfo, maxInfo);
            var filled = 0;
            if (offset < LlcLength)
            {
                var fromLlc = Math.Min(LlcLength - offset, chunk);
                llc.Slice(offset, fromLlc).CopyTo(slot);
                filled = fromLlc;
            }
            var apduStart = Math.Max(0, offset - LlcLength);
            apdu.Slice(apduStart, chunk - filled).CopyTo(slot[filled..]);
            _slotLength[SendState] = chunk;
            _slotSegmented[SendState] = !last;
            var poll = last || sent + 1 == window;
            WriteFrame(HdlcControl.Information(SendState, ReceiveState, poll), !last, slot[..chunk]);
            SendState = (SendState + 1) & 7;
            offset += chunk;
        }
        return offset;
    }

    private protected static int EncodedApduLength(int apduLength) => LlcLength + apduLength;

    /// <summary>
    /// Applies an N(R) received from the peer: frames before it are acknowledged. Returns false when N(R) names a
    /// frame never sent (ignored: liberal).
    /// </summary>
    private protected bool Acknowledge(int receiveSequence)
    {
        var outstanding = (SendState - _unackedStart) & 7;
        var advance = (receiveSequence - _unackedStart) & 7;
        if (advance > outstanding)
        {
            return false;
        }
        _unackedStart = receiveSequence;
        return true;
    }

    /// <summary>Go-back-N: sends again every retained I-frame from the oldest unacknowledged one, P/F on the last.</summary>
    private protected ValueTask RetransmitAsync(CancellationToken cancellationToken)
    {
        var maxInfo = Negotiated.MaxInfoFieldLengthTransmit;
        for (var ns = _unackedStart; ns != SendState; ns = (ns + 1) & 7)
        {
            var poll = ((ns + 1) & 7) == SendState;
            WriteFrame(HdlcControl.Information(ns, ReceiveState, poll), _slotSegmented[ns], _slots.AsSpan(ns * maxInfo, _slotLength[ns]));
        }
        if (Logger.IsEnabled(LogLevel.Debug))
        {
            TransportLog.LinkEvent(Logger, Name, $"retransmitting from N(S)={_unackedStart} to {(SendState + 7) & 7}");
        }
        return FlushAsync(cancellationToken);
    }

    // ---------------------------------------------------------------- reassembly in

    /// <summary>Whether an APDU is partly received.</summary>
    private protected bool Reassembling => _reassembling;

    /// <summary>Appends an I-frame's information to the APDU being reassembled, dropping the LLC header of the first segment.</summary>
    private protected void AppendSegment(ReadOnlySpan<byte> information)
    {
        if (!_reassembling)
        {
            _reassembling = true;
            _apduLength = 0;
            // Liberal: accept either LLC header, or none (some gateways strip it).
            if (information.Length >= LlcLength && information[0] == 0xE6 && (information[1] == 0xE6 || information[1] == 0xE7))
            {
                information = information[LlcLength..];
            }
        }
        if (_apduLength + information.Length > Options.MaxApduLength)
        {
            _reassembling = false;
            throw new CosemTransportException(TransportErrorKind.FrameTooLarge,
                $"The peer sent an APDU longer than {Options.MaxApduLength} bytes.");
        }
        if (_apdu is null || _apdu.Length < _apduLength + information.Length)
        {
            var grown = _pool.Rent(Math.Max(_apduLength + information.Length, Math.Max(256, (_apdu?.Length ?? 0) * 2)));
            if (_apdu is not null)
            {
                _apdu.AsSpan(0, _apduLength).CopyTo(grown);
                _pool.Return(_apdu);
            }
            _apdu = grown;
        }
        information.CopyTo(_apdu.AsSpan(_apduLength));
        _apduLength += information.Length;
    }

    /// <summary>Hands the reassembled APDU over in a pooled message.</summary>
    private protected ApduMessage TakeApdu(HdlcAddress source, HdlcAddress destination)
    {
        _reassembling = false;
        var message = ApduMessage.Create(_apdu.AsSpan(0, _apduLength), source.Upper, destination.Upper);
        _apduLength = 0;
        return message;
    }

    /// <summary>An APDU carried whole in a UI frame (IEC 62056-46 §6.4.4.4.3.9), without its LLC header.</summary>
    private protected static ApduMessage UnnumberedApdu(in ReceivedFrame frame)
    {
        var information = frame.Information;
        if (information.Length >= LlcLength && information[0] == 0xE6 && (information[1] == 0xE6 || information[1] == 0xE7))
        {
            information = information[LlcLength..];
        }
        return ApduMessage.Create(information, frame.Source.Upper, frame.Destination.Upper);
    }

    private protected void ClearReassembly()
    {
        _reassembling = false;
        _apduLength = 0;
    }

    // ---------------------------------------------------------------- disposal

    /// <summary>Takes the link down politely where the role says so (the client sends DISC).</summary>
    private protected virtual ValueTask CloseLinkAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        // Idle: take the half-duplex turn for good and say goodbye politely. Busy: the pending operation is
        // cancelled below instead; it keeps the buffers it uses until it has ended.
        if (Interlocked.Exchange(ref _busy, 1) == 0 && _lifetime.TryEnter())
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
                _lifetime.Exit();
            }
        }
        if (!await _lifetime.CloseAsync(OperationLifetime.Grace).ConfigureAwait(false))
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
        _lifetime.ReleaseOwner();
        GC.SuppressFinalize(this);
    }

    // Runs once, when neither the link nor any operation uses the buffers any more.
    private void ReleaseResources()
    {
        _reader.Dispose();
        ReturnSlots();
        if (_apdu is not null)
        {
            _pool.Return(_apdu);
            _apdu = null;
        }
    }

    private void ReturnSlots()
    {
        if (_slots is not null)
        {
            _pool.Return(_slots);
            _slots = null;
        }
    }
}
