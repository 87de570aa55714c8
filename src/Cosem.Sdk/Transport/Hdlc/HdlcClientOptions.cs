namespace Cosem.Sdk.Transport.Hdlc;

/// <summary>Settings of the client (primary station) side of an HDLC link.</summary>
public sealed class HdlcClientOptions : HdlcLinkOptions
{
    /// <summary>This client's address; 16 is the public client.</summary>
    public HdlcAddress ClientAddress { get; init; } = HdlcAddress.Client(16);

    /// <summary>The server: logical device (upper) and physical device (lower) address.</summary>
    public HdlcAddress ServerAddress { get; init; } = HdlcAddress.Server(1);

    /// <summary>
    /// How long to wait for the answer to a frame sent with the poll bit before polling again
    /// (IEC 62056-46 §6.4.4.4.2, response time-out).
    /// </summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Polls (or SNRM/DISC repetitions) after a response time-out before the link is declared dead.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Pause before polling a server that answered RNR or RR without the awaited data.</summary>
    public TimeSpan BusyPollInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Whether a UA whose parameter negotiation field gives a wrong group length is read from the bytes present
    /// (with a warning naming the deviation) rather than failing the link set-up (IEC 62056-46 §6.4.4.4.3.2).
    /// </summary>
    public bool AcceptMalformedParameters { get; init; } = true;

    /// <summary>Whether SNRM carries the negotiation field even when <see cref="HdlcLinkOptions.Parameters"/> are the defaults.</summary>
    public bool AlwaysNegotiate { get; init; } = true;
}
