using System.Buffers;

namespace Cosem.Sdk.Transport.Hdlc;

/// <summary>
/// The sending half of an HDLC link (IEC 62056-46 §6.4.4.4.3.5): V(S) modulo 8, an APDU cut into I-frames one
/// window at a time (LLC header first, the segmentation bit on all but the last, P/F on the last of each window),
/// and every sent I-frame retained until the peer's N(R) acknowledges it, for go-back-N retransmission.
/// </summary>
/// <remarks>The retained frames live in one pooled buffer of 8 slots of the negotiated information field length.</remarks>
internal sealed class HdlcSendWindow(ArrayPool<byte> pool)
{
    /// <summary>Length of the LLC header that precedes an APDU (IEC 62056-46 §6.5).</summary>
    public const int LlcLength = 3;

    private const int SlotCount = 8;

    private readonly int[] _slotLength = new int[SlotCount];
    private readonly bool[] _slotSegmented = new bool[SlotCount];
    private byte[]? _slots;
    private int _slotSize;
    private int _windowSize;
    private int _unacknowledgedStart;

    /// <summary>V(S): sequence number of the next I-frame to send.</summary>
    public int SendState { get; private set; }

    /// <summary>N(S) of the oldest I-frame not yet acknowledged (equal to <see cref="SendState"/> when none is).</summary>
    public int UnacknowledgedStart => _unacknowledgedStart;

    /// <summary>Whether sent I-frames are still waiting for acknowledgement.</summary>
    public bool HasUnacknowledged => _unacknowledgedStart != SendState;

    /// <summary>
    /// Starts afresh (after SNRM/UA): V(S) to 0, nothing retained, frames of at most
    /// <paramref name="maxInformationLength"/> bytes, <paramref name="windowSize"/> frames per window.
    /// </summary>
    public void Reset(int maxInformationLength, int windowSize)
    {
        SendState = _unacknowledgedStart = 0;
        _slotSize = maxInformationLength;
        _windowSize = windowSize;
        if (_slots is null || _slots.Length < maxInformationLength * SlotCount)
        {
            Release();
            _slots = pool.Rent(maxInformationLength * SlotCount);
        }
    }

    /// <summary>
    /// Writes one window of I-frames carrying LLC + <paramref name="apdu"/> from <paramref name="offset"/> (counted
    /// over LLC + APDU), each with N(R) = <paramref name="receiveState"/>. Returns the new offset; the whole APDU is
    /// out when it equals <see cref="LlcLength"/> + APDU length. Call only when nothing is unacknowledged.
    /// </summary>
    public int WriteWindow(IHdlcFrameSink sink, ReadOnlySpan<byte> llc, ReadOnlySpan<byte> apdu, int offset, int receiveState)
    {
        var total = LlcLength + apdu.Length;
        _unacknowledgedStart = SendState;
        for (var sent = 0; sent < _windowSize && offset < total; sent++)
        {
            var chunk = Math.Min(_slotSize, total - offset);
            var last = offset + chunk == total;
            var slot = _slots.AsSpan(SendState * _slotSize, _slotSize);
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
            var poll = last || sent + 1 == _windowSize;
            sink.WriteFrame(HdlcControl.Information(SendState, receiveState, poll), !last, slot[..chunk]);
            SendState = (SendState + 1) & 7;
            offset += chunk;
        }
        return offset;
    }

    /// <summary>
    /// Applies an N(R) received from the peer: frames before it are acknowledged. Returns false when N(R) names a
    /// frame never sent (then ignored: liberal).
    /// </summary>
    public bool Acknowledge(int receiveSequence)
    {
        var outstanding = (SendState - _unacknowledgedStart) & 7;
        var advance = (receiveSequence - _unacknowledgedStart) & 7;
        if (advance > outstanding)
        {
            return false;
        }
        _unacknowledgedStart = receiveSequence;
        return true;
    }

    /// <summary>Go-back-N: writes again every retained I-frame from the oldest unacknowledged one, P/F on the last.</summary>
    public void WriteRetransmission(IHdlcFrameSink sink, int receiveState)
    {
        for (var ns = _unacknowledgedStart; ns != SendState; ns = (ns + 1) & 7)
        {
            var poll = ((ns + 1) & 7) == SendState;
            sink.WriteFrame(HdlcControl.Information(ns, receiveState, poll), _slotSegmented[ns], _slots.AsSpan(ns * _slotSize, _slotLength[ns]));
        }
    }

    /// <summary>Returns the retained frames' buffer to the pool.</summary>
    public void Release()
    {
        if (_slots is not null)
        {
            pool.Return(_slots);
            _slots = null;
        }
    }
}
