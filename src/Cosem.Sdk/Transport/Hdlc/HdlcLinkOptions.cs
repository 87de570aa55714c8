using System.Buffers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cosem.Sdk.Transport.Hdlc;

/// <summary>Settings shared by the client and the server side of an HDLC link.</summary>
public abstract class HdlcLinkOptions
{
    /// <summary>
    /// What this side offers: its largest information fields and windows, transmit and receive. The link uses the
    /// smaller of these and the peer's values (IEC 62056-46 §6.4.4.4.3.2).
    /// </summary>
    public HdlcParameters Parameters { get; init; } = HdlcParameters.Default;

    /// <summary>
    /// Longest silence inside a frame: a partial frame older than this is dropped so the next flag resynchronises
    /// (IEC 62056-46 §6.4.4.4.2 inter-octet time-out; generous by default because TCP gateways add delay).
    /// </summary>
    public TimeSpan InterOctetTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest APDU reassembled from segments; longer ones end the link with FrameTooLarge.</summary>
    public int MaxApduLength { get; init; } = 1 << 20;

    /// <summary>Receives a frame trace at Trace level and dropped frames and link events at Debug level.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>Where the link rents its retransmission window and reassembly buffer (tests count rents and returns).</summary>
    internal ArrayPool<byte> BufferPool { get; init; } = ArrayPool<byte>.Shared;
}
