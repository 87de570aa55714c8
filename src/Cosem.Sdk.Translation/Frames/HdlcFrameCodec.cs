using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Cosem.Sdk.Transport.Hdlc;
using static Cosem.Sdk.Translation.Frames.FrameFields;

namespace Cosem.Sdk.Translation.Frames;

/// <summary>
/// Lets the PDU translator show and rebuild HDLC frames (IEC 62056-46): addresses, control field, segmentation
/// and the LLC header; HCS and FCS are checked on the way in and recomputed on the way out.
/// </summary>
public sealed class HdlcFrameCodec : IFrameCodec
{
    /// <summary>The codec; it holds no state, so one instance serves every translator.</summary>
    public static HdlcFrameCodec Instance { get; } = new();

    /// <inheritdoc/>
    public string ElementName => "HdlcFrame";

    /// <inheritdoc/>
    public bool TryUnwrap(ReadOnlySpan<byte> input, [NotNullWhen(true)] out FrameParts? frame)
    {
        frame = null;
        if (HdlcFrame.Decode(input, out var parsed, out int closingFlag) != HdlcDecodeStatus.Complete || closingFlag != input.Length - 1)
        {
            return false;
        }
        var fields = new List<KeyValuePair<string, string>>
        {
            Field("Segmented", parsed.Segmented ? "true" : "false"),
            Field("DestinationUpper", parsed.Destination.Upper),
            Field("DestinationLower", parsed.Destination.Lower),
            Field("DestinationSize", parsed.Destination.Size),
            Field("SourceUpper", parsed.Source.Upper),
            Field("SourceLower", parsed.Source.Lower),
            Field("SourceSize", parsed.Source.Size),
            Field("Control", "0x" + parsed.Control.ToString("X2", CultureInfo.InvariantCulture)),
            Field("Kind", parsed.Kind.ToString()),
        };
        if (parsed.Kind == HdlcFrameKind.Information)
        {
            fields.Add(Field("SendSequence", parsed.SendSequence));
        }
        if (parsed.Kind is HdlcFrameKind.Information or HdlcFrameKind.ReceiveReady or HdlcFrameKind.ReceiveNotReady)
        {
            fields.Add(Field("ReceiveSequence", parsed.ReceiveSequence));
        }
        fields.Add(Field("PollFinal", parsed.PollFinal ? "true" : "false"));

        var information = parsed.Information;
        if (information.StartsWith(HdlcLink.ClientLlc) || information.StartsWith(HdlcLink.ServerLlc))
        {
            fields.Add(Field("Llc", Convert.ToHexString(information[..3])));
            information = information[3..];
        }
        frame = new FrameParts(fields, information.ToArray());
        return true;
    }

    /// <inheritdoc/>
    public byte[] Wrap(IReadOnlyList<KeyValuePair<string, string>> fields, ReadOnlySpan<byte> payload)
    {
        // Kind, sequence numbers and poll/final are shown for reading; the control byte is what is sent.
        var destination = Address(fields, "Destination");
        var source = Address(fields, "Source");
        byte control = checked((byte)Integer(fields, "Control"));
        byte[] llc = Find(fields, "Llc") is { } llcHex ? Convert.FromHexString(llcHex) : [];
        var frame = new byte[HdlcFrame.GetEncodedLength(destination, source, llc.Length + payload.Length)];
        HdlcFrame.Encode(frame, destination, source, control, Boolean(fields, "Segmented"), llc, payload);
        return frame;
    }

    private static HdlcAddress Address(IReadOnlyList<KeyValuePair<string, string>> fields, string prefix)
    {
        int upper = Integer(fields, prefix + "Upper");
        int lower = Integer(fields, prefix + "Lower", 0);
        int size = Integer(fields, prefix + "Size", 1);
        try
        {
            return HdlcAddress.Server(upper, lower, size);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new CosemException($"The {prefix.ToLowerInvariant()} address {upper}/{lower} does not fit {size} byte(s).", e);
        }
    }
}
