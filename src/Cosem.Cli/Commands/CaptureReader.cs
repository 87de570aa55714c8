using System.Buffers.Binary;
using Cosem.Sdk;
using Cosem.Sdk.Apdu;
using Cosem.Sdk.Transport.Hdlc;

namespace Cosem.Cli.Commands;

/// <summary>One APDU of a capture, whole again: the frames it came in and which way it went.</summary>
/// <param name="Direction">"request" (client to meter), "response", or "unknown" where neither frame nor tag says.</param>
/// <param name="Transport">"hdlc" or "wrapper".</param>
/// <param name="Frames">How many frames carried it (more than one for a segmented HDLC APDU).</param>
/// <param name="Apdu">The APDU bytes.</param>
internal sealed record CapturedApdu(string Direction, string Transport, int Frames, byte[] Apdu);

/// <summary>
/// Splits a capture (HDLC frames, IEC 62056-46, or TCP wrapper frames, IEC 62056-47, back to back, as a binary file
/// or hex lines) into APDUs: segmented HDLC I-frames are joined per direction, LLC headers dropped, and link frames
/// (SNRM, UA, RR, DISC, ...) reported by kind.
/// </summary>
internal static class CaptureReader
{
    public static IEnumerable<(CapturedApdu? Apdu, string? LinkFrame)> Read(byte[] capture)
    {
        var segments = new Dictionary<(string From, string To), (List<byte> Bytes, int Frames)>();
        var at = 0;
        while (at < capture.Length)
        {
            if (capture[at] == HdlcFrame.Flag)
            {
                if (at + 1 < capture.Length && capture[at + 1] == HdlcFrame.Flag)
                {
                    at++; // shared or repeated flags between frames
                    continue;
                }
                var (item, consumed) = ReadHdlc(capture.AsSpan(at), segments, at);
                at += consumed;
                if (item is { } found)
                {
                    yield return found;
                }
                continue;
            }
            if (at + 8 <= capture.Length && capture[at] == 0x00 && capture[at + 1] == 0x01)
            {
                var length = BinaryPrimitives.ReadUInt16BigEndian(capture.AsSpan(at + 6));
                if (at + 8 + length > capture.Length)
                {
                    throw new CosemException($"The wrapper frame at byte {at} announces {length} bytes; only {capture.Length - at - 8} follow.");
                }
                var apdu = capture.AsSpan(at + 8, length).ToArray();
                at += 8 + length;
                yield return (new CapturedApdu(DirectionOf(apdu), "wrapper", 1, apdu), null);
                continue;
            }
            throw new CosemException($"Byte {at} (0x{capture[at]:X2}) starts neither an HDLC frame (7E) nor a wrapper frame (00 01).");
        }
        foreach (var ((from, to), pending) in segments)
        {
            if (pending.Bytes.Count > 0)
            {
                throw new CosemException($"The capture ends inside a segmented HDLC APDU from {from} to {to} ({pending.Frames} frame(s)).");
            }
        }
    }

    private static ((CapturedApdu?, string?)? Item, int Consumed) ReadHdlc(ReadOnlySpan<byte> data,
        Dictionary<(string From, string To), (List<byte> Bytes, int Frames)> segments, int offset)
    {
        HdlcFrame frame;
        int consumed;
        bool complete;
        try
        {
            complete = HdlcFrame.TryParse(data, out frame, out consumed);
        }
        catch (Sdk.Transport.CosemTransportException e)
        {
            throw new CosemException($"HDLC error at byte {offset}: {e.Message}", e);
        }
        if (!complete)
        {
            throw new CosemException($"The HDLC frame at byte {offset} is cut off.");
        }
        if (frame.Kind != HdlcFrameKind.Information)
        {
            return ((null, $"{frame.Kind} {frame.Source} -> {frame.Destination}"), consumed);
        }
        var key = (frame.Source.ToString(), frame.Destination.ToString());
        var pending = segments.TryGetValue(key, out var held) ? held : (Bytes: new List<byte>(), Frames: 0);
        pending.Bytes.AddRange(frame.Information.ToArray());
        pending.Frames++;
        if (frame.Segmented)
        {
            segments[key] = pending;
            return (null, consumed);
        }
        segments[key] = (new List<byte>(), 0);
        var whole = pending.Bytes.ToArray();
        var direction = whole.AsSpan().StartsWith(HdlcLink.ClientLlc) ? "request" : whole.AsSpan().StartsWith(HdlcLink.ServerLlc) ? "response" : null;
        var apdu = direction is null ? whole : whole[3..];
        return ((new CapturedApdu(direction ?? DirectionOf(apdu), "hdlc", pending.Frames, apdu), null), consumed);
    }

    /// <summary>Which way an APDU goes, from its tag (IEC 62056-5-3 §8: requests and responses have their own tags).</summary>
    private static string DirectionOf(ReadOnlySpan<byte> apdu) => apdu.IsEmpty ? "unknown" : (ApduTag)apdu[0] switch
    {
        ApduTag.Aarq or ApduTag.Rlrq or ApduTag.GetRequest or ApduTag.SetRequest or ApduTag.ActionRequest => "request",
        ApduTag.Aare or ApduTag.Rlre or ApduTag.GetResponse or ApduTag.SetResponse or ApduTag.ActionResponse or ApduTag.ExceptionResponse
            or ApduTag.ConfirmedServiceError or ApduTag.DataNotification or ApduTag.EventNotificationRequest => "response",
        _ => apdu[0] is 0xC8 or 0xC9 or 0xCB or 0xD0 or 0xD1 or 0xD3 ? "request" : apdu[0] is 0xCC or 0xCD or 0xCF or 0xD4 or 0xD5 or 0xD7 ? "response" : "unknown",
    };
}
