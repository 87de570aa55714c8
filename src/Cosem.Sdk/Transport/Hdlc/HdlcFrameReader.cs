using System.Buffers;
using Microsoft.Extensions.Logging;

namespace Cosem.Sdk.Transport.Hdlc;

/// <summary>
/// Takes HDLC frames out of received bytes (IEC 62056-46 §6.4.4.3), without any I/O: bytes before a flag are
/// skipped, frames with a wrong HCS or FCS or a bad format are dropped and counted, and an incomplete frame is left
/// in the buffer until more bytes arrive (or dropped when the caller says the inter-octet time-out passed).
/// </summary>
/// <remarks>
/// A frame is copied into one scratch buffer before decoding, so a frame split across segments of a
/// <see cref="ReadOnlySequence{T}"/> decodes like a contiguous one, and the returned frame's information stays
/// valid until the next call.
/// </remarks>
internal sealed class HdlcFrameReader(ILogger logger, string name)
{
    // The longest frame plus its two flags.
    private readonly byte[] _scratch = new byte[HdlcFrame.MaxFrameLength + 2];

    /// <summary>Frames dropped while extracting: wrong HCS/FCS, malformed, or cut off by the inter-octet time-out.</summary>
    public long DiscardedFrames { get; private set; }

    /// <summary>
    /// Extracts the first valid frame of <paramref name="buffer"/>. On return <paramref name="buffer"/> starts
    /// where reading should resume: after the frame (at its closing flag, which may open the next one), or at the
    /// incomplete frame still waiting for bytes, or at its end when nothing in it can start a frame.
    /// </summary>
    /// <param name="buffer">The bytes received so far; advanced past what was consumed.</param>
    /// <param name="dropPartial">The inter-octet time-out passed: an incomplete frame at the start is dropped.</param>
    /// <param name="frame">The frame found, decoded in the reader's scratch buffer and valid until the next call;
    /// default when none was.</param>
    /// <returns>Whether a frame was found.</returns>
    public bool TryRead(ref ReadOnlySequence<byte> buffer, bool dropPartial, out HdlcReceivedFrame frame)
    {
        frame = default;
        while (true)
        {
            var flag = buffer.PositionOf(HdlcFrame.Flag);
            if (flag is null)
            {
                if (!buffer.IsEmpty)
                {
                    LogGarbage(buffer);
                }
                buffer = buffer.Slice(buffer.End);
                return false;
            }
            if (!flag.Value.Equals(buffer.Start))
            {
                LogGarbage(buffer.Slice(buffer.Start, flag.Value));
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
                    TransportLog.FrameReceived(logger, name, candidate[..(closingFlag + 1)]);
                    frame = new HdlcReceivedFrame(_scratch, decoded.Information.IsEmpty ? 0 : offset, decoded.Information.Length,
                        decoded.Control, decoded.Segmented, decoded.Destination, decoded.Source);
                    buffer = buffer.Slice(closingFlag); // the closing flag may open the next frame
                    return true;
                case HdlcDecodeStatus.Incomplete when !dropPartial:
                    return false;
                case HdlcDecodeStatus.Incomplete:
                    DiscardedFrames++;
                    TransportLog.FrameDropped(logger, name, "inter-octet time-out", candidate);
                    dropPartial = false;
                    buffer = buffer.Slice(1);
                    continue;
                default:
                    DiscardedFrames++;
                    TransportLog.FrameDropped(logger, name, status.ToString(), candidate[..Math.Min(candidate.Length, 64)]);
                    buffer = buffer.Slice(1);
                    continue;
            }
        }
    }

    private void LogGarbage(ReadOnlySequence<byte> garbage)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            TransportLog.FrameDropped(logger, name, "bytes outside a frame", garbage.Slice(0, Math.Min(garbage.Length, 64)).ToArray());
        }
    }
}
