using System.Buffers;

namespace Cosem.Sdk.Transport.Hdlc;

/// <summary>
/// One HDLC frame of frame format type 3 (IEC 62056-46 §6.4.3): flag 0x7E, format (0xA | S | 11-bit length),
/// destination and source address, control, HCS (when an information field follows), information, FCS, flag.
/// The frame length counts every byte between the flags.
/// </summary>
/// <remarks>A view over the decoded bytes: <see cref="Information"/> slices the input and lives no longer than it.</remarks>
public readonly ref struct HdlcFrame
{
    /// <summary>Opening and closing flag.</summary>
    public const byte Flag = 0x7E;

    /// <summary>Largest value of the 11-bit frame length field.</summary>
    public const int MaxFrameLength = 0x7FF;

    private const int FormatType3 = 0xA;

    private HdlcFrame(bool segmented, int frameLength, HdlcAddress destination, HdlcAddress source, byte control,
        ReadOnlySpan<byte> information)
    {
        Segmented = segmented;
        FrameLength = frameLength;
        Destination = destination;
        Source = source;
        Control = control;
        Information = information;
    }

    /// <summary>The segmentation bit: more segments of the same APDU follow.</summary>
    public bool Segmented { get; }

    /// <summary>The frame length field: bytes between the flags.</summary>
    public int FrameLength { get; }

    /// <summary>The destination address field: the server (upper/lower HDLC address) on requests, the client on
    /// responses.</summary>
    public HdlcAddress Destination { get; }

    /// <summary>The source address field: the client address on requests, the server on responses.</summary>
    public HdlcAddress Source { get; }

    /// <summary>The raw control byte.</summary>
    public byte Control { get; }

    /// <summary>The frame type (I, RR, RNR, SNRM, UA, …) decoded from <see cref="Control"/>.</summary>
    public HdlcFrameKind Kind => HdlcControl.KindOf(Control);

    /// <summary>N(S), meaningful for I-frames.</summary>
    public int SendSequence => HdlcControl.SendSequenceOf(Control);

    /// <summary>N(R), meaningful for I-, RR and RNR frames.</summary>
    public int ReceiveSequence => HdlcControl.ReceiveSequenceOf(Control);

    /// <summary>The poll (commands) or final (responses) bit.</summary>
    public bool PollFinal => HdlcControl.IsPollFinal(Control);

    /// <summary>The information field, LLC header included when present; empty when the frame has none.</summary>
    public ReadOnlySpan<byte> Information { get; }

    /// <summary>
    /// Parses one frame at the start of <paramref name="data"/>, which must begin with the opening flag.
    /// Returns <see langword="false"/> when more bytes are needed; throws <see cref="CosemTransportException"/>
    /// (<see cref="TransportErrorKind.InvalidFrame"/>) when the bytes are not a valid frame.
    /// <paramref name="consumed"/> includes the closing flag.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> data, out HdlcFrame frame, out int consumed)
    {
        var status = Decode(data, out frame, out var end);
        switch (status)
        {
            case HdlcDecodeStatus.Complete:
                consumed = end + 1;
                return true;
            case HdlcDecodeStatus.Incomplete:
                consumed = 0;
                return false;
            default:
                throw new CosemTransportException(TransportErrorKind.InvalidFrame, $"Not a valid HDLC frame: {status}.");
        }
    }

    /// <summary>
    /// Decodes one frame at the start of <paramref name="data"/> without throwing. On
    /// <see cref="HdlcDecodeStatus.Complete"/>, <paramref name="closingFlagIndex"/> is the index of the closing flag
    /// (which may also open the next frame). The header check is verified as soon as the header has arrived, so a
    /// corrupted length field is found without waiting for bytes that will never come.
    /// </summary>
    public static HdlcDecodeStatus Decode(ReadOnlySpan<byte> data, out HdlcFrame frame, out int closingFlagIndex)
    {
        frame = default;
        closingFlagIndex = 0;
        if (data.IsEmpty)
        {
            return HdlcDecodeStatus.Incomplete;
        }
        if (data[0] != Flag)
        {
            return HdlcDecodeStatus.BadFormat;
        }
        if (data.Length < 3)
        {
            return HdlcDecodeStatus.Incomplete;
        }
        var format = (data[1] << 8) | data[2];
        if (format >> 12 != FormatType3)
        {
            return HdlcDecodeStatus.BadFormat;
        }
        var segmented = (format & 0x0800) != 0;
        var length = format & MaxFrameLength;
        // format(2) + destination(>=1) + source(>=1) + control(1) + FCS(2)
        if (length < 7)
        {
            return HdlcDecodeStatus.BadFormat;
        }
        var body = data[1..];
        var available = Math.Min(body.Length, length);
        if (!HdlcAddress.TryRead(body[2..available], out var destination, out var destinationLength))
        {
            return available - 2 < 4 && available < length ? HdlcDecodeStatus.Incomplete : HdlcDecodeStatus.BadFormat;
        }
        var sourceAt = 2 + destinationLength;
        if (!HdlcAddress.TryRead(body[sourceAt..available], out var source, out var sourceLength))
        {
            return available - sourceAt < 4 && available < length ? HdlcDecodeStatus.Incomplete : HdlcDecodeStatus.BadFormat;
        }
        var controlAt = sourceAt + sourceLength;
        var headerLength = controlAt + 1;
        if (headerLength + 2 > length)
        {
            return HdlcDecodeStatus.BadFormat;
        }
        var hasInformation = length > headerLength + 2;
        if (hasInformation)
        {
            // HCS follows the control byte, then the information and the FCS: one spare byte cannot be parsed.
            if (length == headerLength + 3)
            {
                return HdlcDecodeStatus.BadFormat;
            }
            if (body.Length < headerLength + 2)
            {
                return HdlcDecodeStatus.Incomplete;
            }
            if (!HdlcCrc.IsValid(body[..headerLength], body.Slice(headerLength, 2)))
            {
                return HdlcDecodeStatus.BadHeaderCheck;
            }
        }
        if (body.Length < length + 1)
        {
            return HdlcDecodeStatus.Incomplete;
        }
        if (!HdlcCrc.IsValid(body[..(length - 2)], body.Slice(length - 2, 2)))
        {
            return HdlcDecodeStatus.BadFrameCheck;
        }
        if (body[length] != Flag)
        {
            return HdlcDecodeStatus.MissingClosingFlag;
        }
        var information = hasInformation ? body[(headerLength + 2)..(length - 2)] : [];
        frame = new HdlcFrame(segmented, length, destination, source, body[controlAt], information);
        closingFlagIndex = length + 1;
        return HdlcDecodeStatus.Complete;
    }

    /// <summary>Bytes an encoded frame takes, both flags included.</summary>
    public static int GetEncodedLength(HdlcAddress destination, HdlcAddress source, int informationLength) =>
        2 + 2 + destination.Size + source.Size + 1 + (informationLength > 0 ? 2 + informationLength : 0) + 2;

    /// <summary>
    /// Encodes a frame into <paramref name="destination"/>: the information field is <paramref name="prefix"/>
    /// (an LLC header, or empty) followed by <paramref name="information"/>. Returns the bytes written.
    /// </summary>
    public static int Encode(Span<byte> destination, HdlcAddress to, HdlcAddress from, byte control, bool segmented,
        ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> information)
    {
        var informationLength = prefix.Length + information.Length;
        var total = GetEncodedLength(to, from, informationLength);
        var length = total - 2;
        if (length > MaxFrameLength)
        {
            throw new CosemTransportException(TransportErrorKind.FrameTooLarge,
                $"An HDLC frame of {length} bytes exceeds the 11-bit length field ({MaxFrameLength}).");
        }
        destination[0] = Flag;
        destination[1] = (byte)((FormatType3 << 4) | (segmented ? 0x08 : 0) | (length >> 8));
        destination[2] = (byte)length;
        var at = 3;
        at += to.Write(destination[at..]);
        at += from.Write(destination[at..]);
        destination[at++] = control;
        if (informationLength > 0)
        {
            HdlcCrc.Write(destination[1..at], destination[at..]);
            at += 2;
            prefix.CopyTo(destination[at..]);
            at += prefix.Length;
            information.CopyTo(destination[at..]);
            at += information.Length;
        }
        HdlcCrc.Write(destination[1..at], destination[at..]);
        at += 2;
        destination[at++] = Flag;
        return at;
    }

    /// <summary>Encodes a frame into <paramref name="output"/>; returns the bytes written.</summary>
    public static int Write(IBufferWriter<byte> output, HdlcAddress to, HdlcAddress from, byte control, bool segmented,
        ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> information)
    {
        var span = output.GetSpan(GetEncodedLength(to, from, prefix.Length + information.Length));
        var written = Encode(span, to, from, control, segmented, prefix, information);
        output.Advance(written);
        return written;
    }

    /// <summary>Encodes a frame into a new array (convenient for tests and tools).</summary>
    public static byte[] ToArray(HdlcAddress to, HdlcAddress from, byte control, bool segmented = false,
        ReadOnlySpan<byte> information = default)
    {
        var buffer = new byte[GetEncodedLength(to, from, information.Length)];
        Encode(buffer, to, from, control, segmented, [], information);
        return buffer;
    }
}
