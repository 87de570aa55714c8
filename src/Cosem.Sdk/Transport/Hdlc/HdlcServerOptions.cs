namespace Cosem.Sdk.Transport.Hdlc;

/// <summary>Settings of the server (secondary station) side of an HDLC link.</summary>
public sealed class HdlcServerOptions : HdlcLinkOptions
{
    /// <summary>
    /// Decides whether an SNRM from a client address to a server address is accepted (answered UA) or refused (DM).
    /// Frames to addresses for which this returns false are otherwise ignored. The default accepts every client
    /// addressing any logical device, leaving SAP checks to the server session.
    /// </summary>
    public Func<HdlcAddress, HdlcAddress, bool>? AcceptConnection { get; init; }

    /// <summary>
    /// Time without any frame after which the link is dropped (IEC 62056-46 §6.4.4.4.2, inactivity time-out;
    /// 120 s is the usual meter default). Infinite disables it.
    /// </summary>
    public TimeSpan InactivityTimeout { get; init; } = TimeSpan.FromSeconds(120);
}
