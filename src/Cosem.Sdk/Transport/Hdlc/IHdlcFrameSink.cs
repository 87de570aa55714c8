namespace Cosem.Sdk.Transport.Hdlc;

/// <summary>Where <see cref="HdlcSendWindow"/> puts the I-frames it sends: encoded to the peer, flushed later by the link.</summary>
internal interface IHdlcFrameSink
{
    /// <summary>Encodes one frame to the peer into the output without flushing it.</summary>
    void WriteFrame(byte control, bool segmented, ReadOnlySpan<byte> information);
}
