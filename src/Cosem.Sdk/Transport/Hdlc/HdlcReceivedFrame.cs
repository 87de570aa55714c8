namespace Cosem.Sdk.Transport.Hdlc;

/// <summary>
/// A valid frame taken from the byte stream by <see cref="HdlcFrameReader"/>. <see cref="Information"/> points
/// into the reader's scratch buffer, so it is valid only until the reader's next call.
/// </summary>
internal readonly struct HdlcReceivedFrame(byte[] scratch, int informationOffset, int informationLength, byte control,
    bool segmented, HdlcAddress destination, HdlcAddress source)
{
    /// <summary>The control byte as received: frame type, sequence numbers and the P/F bit.</summary>
    public byte Control { get; } = control;

    /// <summary>The segmentation bit of the format field: more I-frames of the same APDU follow.</summary>
    public bool Segmented { get; } = segmented;

    public HdlcAddress Destination { get; } = destination;

    public HdlcAddress Source { get; } = source;

    public HdlcFrameKind Kind => HdlcControl.KindOf(Control);

    /// <summary>N(S) of an I-frame.</summary>
    public int SendSequence => HdlcControl.SendSequenceOf(Control);

    /// <summary>N(R) of an I- or S-frame: the next frame the peer expects from us.</summary>
    public int ReceiveSequence => HdlcControl.ReceiveSequenceOf(Control);

    public bool PollFinal => HdlcControl.IsPollFinal(Control);

    /// <summary>The information field (LLC header included when the peer sent one), without HCS and FCS.</summary>
    public ReadOnlySpan<byte> Information => new(scratch, informationOffset, informationLength);
}
