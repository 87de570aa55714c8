using System.Buffers;
using Cosem.Sdk.Transport.Hdlc;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cosem.Sdk.Fuzzing.Targets;

/// <summary>
/// The HDLC frame reader (<see cref="HdlcFrameReader"/>) over a byte stream cut into segments, and the
/// reassembly of segmented I-frames. Input: byte 0 = mode, bytes 1-3 = segment cuts, the rest = the stream. In
/// "repair" mode (odd mode byte) the header and frame check sequences of each frame are recomputed first, so the
/// fuzzer gets past the CRCs into the frame fields.
/// </summary>
public sealed class HdlcTarget : IFuzzTarget
{
    private const int MaxApduLength = 2048;

    /// <inheritdoc />
    public string Name => "hdlc";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        if (input.Length < 4)
        {
            return;
        }
        var stream = input[4..].ToArray();
        if ((input[0] & 1) != 0)
        {
            RepairChecks(stream);
        }
        var buffer = Segments.Split(input[1..4], stream);
        var reader = new HdlcFrameReader(NullLogger.Instance, "fuzz");
        var reassembly = new HdlcReassembly(ArrayPool<byte>.Shared, MaxApduLength);
        try
        {
            var frames = 0;
            while (reader.TryRead(ref buffer, dropPartial: (input[0] & 2) != 0, out var frame))
            {
                if (++frames > stream.Length)
                {
                    throw new FuzzFinding("hdlc: more frames than input bytes (the reader does not advance)");
                }
                if (frame.Kind != HdlcFrameKind.Information)
                {
                    continue;
                }
                reassembly.Append(frame.Information);
                if (!frame.Segmented)
                {
                    using var apdu = reassembly.Take(frame.Source, frame.Destination);
                }
            }
        }
        finally
        {
            reassembly.Release();
        }
    }

    // Frame layout (IEC 62056-46 §8.4): flag, format (2 bytes, 11-bit length), destination and source addresses
    // (each ends with a byte whose low bit is 1), control, HCS when an information field follows, information,
    // FCS, flag. Each frame starting at a flag gets its HCS and FCS rewritten where they fit.
    private static void RepairChecks(byte[] stream)
    {
        var at = Array.IndexOf(stream, HdlcFrame.Flag);
        while (at >= 0 && at + 3 < stream.Length)
        {
            var body = stream.AsSpan(at + 1);
            var length = ((body[0] & 0x07) << 8) | body[1];
            if (length < 5 || length > body.Length)
            {
                at = Array.IndexOf(stream, HdlcFrame.Flag, at + 1);
                continue;
            }
            var frame = body[..length];
            var header = 2 + AddressLength(frame[2..]);
            header += AddressLength(frame[header..]) + 1;
            if (header + 2 < length)
            {
                HdlcCrc.Write(frame[..header], frame[header..]);
            }
            HdlcCrc.Write(frame[..(length - 2)], frame[(length - 2)..]);
            at = Array.IndexOf(stream, HdlcFrame.Flag, at + 1 + length);
        }
    }

    private static int AddressLength(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < Math.Min(4, bytes.Length); i++)
        {
            if ((bytes[i] & 1) != 0)
            {
                return i + 1;
            }
        }
        return 1;
    }
}
