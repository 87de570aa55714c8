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
        Conformance.BlockTransferWithSetOrWrite | Conformance.BlockTransferWithAction | Conformance.Access;

    /// <summary>Services this server offers (IEC 62056-5-3 §9.4.6.1, conformance block).</summary>
    public Conformance SupportedConformance { get; init; } = DefaultConformance;

    /// <summary>server-max-receive-pdu-size announced in the InitiateResponse; longer requests are refused.</summary>
    public ushort MaxReceivePduSize { get; init; } = 0xFFFF;

    /// <summary>Smallest client-max-receive-pdu-size accepted in an AARQ (IEC 62056-5-3 §9.4.6.1 minimum 12).</summary>
    public ushort MinClientPduSize { get; init; } = 12;

    /// <summary>Link settings of HDLC listeners (window and information field sizes offered).</summary>
    public HdlcParameters HdlcParameters { get; init; } = HdlcParameters.Default;

    /// <summary>HDLC inactivity time-out (IEC 62056-46 §6.4.4.4.2).</summary>
    public TimeSpan HdlcInactivityTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>A wrapper session silent this long is closed; <see cref="Timeout.InfiniteTimeSpan"/> keeps it.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Logging of sessions, associations, refusals and failures; frames at Trace level.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;
}
