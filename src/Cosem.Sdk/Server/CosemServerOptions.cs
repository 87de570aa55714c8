using Cosem.Sdk.Apdu;
using Cosem.Sdk.Transport.Hdlc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cosem.Sdk.Server;

/// <summary>Settings of a <see cref="CosemServer"/>.</summary>
public sealed class CosemServerOptions
{
    /// <summary>The services offered; each association negotiates the intersection with what its client proposes.</summary>
    public const Conformance DefaultConformance =
        Conformance.Get | Conformance.Set | Conformance.Action | Conformance.SelectiveAccess |
        Conformance.MultipleReferences | Conformance.BlockTransferWithGetOrRead |
        Conformance.BlockTransferWithSetOrWrite | Conformance.BlockTransferWithAction | Conformance.Access |
        Conformance.GeneralBlockTransfer;

    /// <summary>Services this server offers (IEC 62056-5-3 §9.4.6.1, conformance block).</summary>
    public Conformance SupportedConformance { get; init; } = DefaultConformance;

    /// <summary>server-max-receive-pdu-size announced in the InitiateResponse; longer requests are refused.</summary>
    public ushort MaxReceivePduSize { get; init; } = 0xFFFF;

    /// <summary>Smallest client-max-receive-pdu-size accepted in an AARQ (IEC 62056-5-3 §9.4.6.1 minimum 12).</summary>
    public ushort MinClientPduSize { get; init; } = 12;

    /// <summary>Link settings of HDLC listeners (window and information field sizes offered).</summary>
    public HdlcParameters HdlcParameters { get; init; } = HdlcParameters.Default;

    /// <summary>
    /// HDLC inactivity time-out (IEC 62056-46 §6.4.4.4.2): the link drops after this long without any frame. Frames
    /// that carry no request (RR polls, say) reset it, so <see cref="IdleTimeout"/> bounds HDLC connections too.
    /// </summary>
    public TimeSpan HdlcInactivityTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// A connection (wrapper or HDLC) is closed when this long has passed since its last useful request: an AARQ, an
    /// RLRQ or a service request for an established association. Empty wrapper frames, HDLC RR or UI frames, garbage
    /// and requests without an association do not count, so a peer cannot hold a connection by trickling them.
    /// 120 s by default; <see cref="Timeout.InfiniteTimeSpan"/> keeps silent connections.
    /// </summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// A connection that has not completed an association this long after it opened (AARQ accepted and, for HLS,
    /// the reply to the challenge passed) is closed. 30 s by default; <see cref="Timeout.InfiniteTimeSpan"/> disables it.
    /// </summary>
    public TimeSpan AssociationTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Connections served at once (every transport together, UDP peers included); a connection beyond it is closed
    /// at once and counted under <see cref="RefusalReasons.ConnectionLimit"/>. 1,000 by default.
    /// </summary>
    public int MaxConnections { get; init; } = 1000;

    /// <summary>
    /// Connections served at once from one IP address (a UDP peer counts as one per remote port); beyond it a
    /// connection is closed at once and counted under <see cref="RefusalReasons.AddressConnectionLimit"/>. Channels
    /// without an address (pipes, serial, in-memory) are not limited by it. 100 by default, room for a gateway.
    /// </summary>
    public int MaxConnectionsPerAddress { get; init; } = 100;

    /// <summary>
    /// Largest SET value or ACTION parameter a client may send in blocks (IEC 62056-5-3 §9.4.6.3); the block that
    /// would exceed it aborts the transfer (long-set-aborted, long-action-aborted) and the association stays. 1 MiB
    /// by default.
    /// </summary>
    public int MaxIncomingBlockBytes { get; init; } = 1 << 20;

    /// <summary>
    /// General block transfer (granted when <see cref="SupportedConformance"/> holds it, as by default): the receive
    /// window the server announces, how many blocks a client may stream before the server acknowledges (1–63). A
    /// request joined from blocks is bounded by <see cref="MaxIncomingBlockBytes"/>; answers go in blocks of the
    /// client's PDU size, as many at a time as the client's own window. 16 by default.
    /// </summary>
    public int GeneralBlockTransferWindow { get; init; } = 16;

    /// <summary>
    /// Largest APDU an HDLC link joins from segments, and largest APDU a wrapper frame may announce; a longer one
    /// closes the connection (<c>FrameTooLarge</c>). 65,536 by default: <see cref="MaxReceivePduSize"/> refuses longer
    /// requests anyway.
    /// </summary>
    public int MaxReassemblyBytes { get; init; } = 1 << 16;

    /// <summary>
    /// Bytes a TCP connection may have received but not yet consumed before the server stops reading from its
    /// socket (the pipe's pause threshold; reading resumes below half of it). At least one whole frame must fit:
    /// 128 KiB by default.
    /// </summary>
    public long MaxBufferedBytesPerConnection { get; init; } = 128 * 1024;

    /// <summary>
    /// Refusals (connections, associations, requests) are counted always but logged at most once per interval per
    /// remote address: the first with its detail, the rest as one summary line. Time-outs are counted too, and
    /// logged only as the session's close at Debug level. 10 s by default.
    /// </summary>
    public TimeSpan RefusalLogInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Logging of sessions, associations, refusals and failures; frames at Trace level.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;
}
