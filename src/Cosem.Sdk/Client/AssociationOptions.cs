using Cosem.Sdk.Apdu;
using Cosem.Sdk.Transport;
using Cosem.Sdk.Transport.Hdlc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cosem.Sdk.Client;

/// <summary>Who connects to which logical device, how it authenticates, and what it proposes (IEC 62056-5-3 §9.3.2).</summary>
public sealed class AssociationOptions
{
    /// <summary>
    /// What a client proposes unless told otherwise: GET/SET/ACTION, selective access, multiple references
    /// (with-list), block transfer in every service, attribute 0 with GET/SET and priority management.
    /// </summary>
    public const Conformance DefaultConformance =
        Conformance.Get | Conformance.Set | Conformance.Action | Conformance.SelectiveAccess |
        Conformance.MultipleReferences | Conformance.BlockTransferWithGetOrRead | Conformance.BlockTransferWithSetOrWrite |
        Conformance.BlockTransferWithAction | Conformance.Attribute0SupportedWithGet | Conformance.Attribute0SupportedWithSet |
        Conformance.PriorityManagementSupported;

    /// <summary>
    /// What a client proposes for SN referencing: Read, Write, UnconfirmedWrite, InformationReport, parameterized
    /// access, multiple references and block transfer with Read/Write (IEC 62056-5-3 §7.3.1 conformance bits).
    /// </summary>
    public const Conformance ShortNameConformance =
        Conformance.Read | Conformance.Write | Conformance.UnconfirmedWrite | Conformance.InformationReport |
        Conformance.ParameterizedAccess | Conformance.MultipleReferences | Conformance.BlockTransferWithGetOrRead |
        Conformance.BlockTransferWithSetOrWrite;

    /// <summary>Client SAP: 16 the public client, 1 the management client (IEC 62056-5-3 §4.7 / DLMS UA 1000-2).</summary>
    public CosemAddress ClientAddress { get; init; } = CosemAddress.PublicClient;

    /// <summary>Server SAP: the logical device (1 the management logical device). On HDLC the upper address.</summary>
    public CosemAddress ServerAddress { get; init; } = CosemAddress.ManagementLogicalDevice;

    /// <summary>
    /// HDLC only: the physical device address (lower HDLC address), or null to address the logical device alone
    /// with a one-byte server address.
    /// </summary>
    public int? PhysicalAddress { get; init; }

    /// <summary>HDLC only: server address length 2 or 4 bytes, or 0 to pick the shortest that fits.</summary>
    public int HdlcAddressSize { get; init; }

    /// <summary>HDLC only: the information field lengths and windows the client offers in SNRM.</summary>
    public HdlcParameters HdlcParameters { get; init; } = HdlcParameters.Default;

    /// <summary><see cref="Authentication.None"/>, <see cref="Authentication.Low(string)"/>, or an HLS mechanism.</summary>
    public Authentication Authentication { get; init; } = Authentication.None;

    /// <summary>Ciphering of the association, or null for plain APDUs.</summary>
    public ApduProtection? Protection { get; init; }

    /// <summary>
    /// LN (the default) or SN referencing: the application context the AARQ proposes. With SN the client reads the
    /// Association SN object list after associating and serves GET/SET/ACTION, typed proxies included, through
    /// Read/Write on the objects' short names; propose <see cref="ShortNameConformance"/> (or a subset) with it.
    /// </summary>
    public Referencing Referencing { get; init; } = Referencing.LogicalName;

    /// <summary>The services proposed; the association uses what the meter grants out of these.</summary>
    public Conformance ProposedConformance { get; init; } = DefaultConformance;

    /// <summary>The largest APDU the client accepts (client-max-receive-pdu-size); the meter splits longer answers into blocks.</summary>
    public ushort MaxReceivePduSize { get; init; } = 0xFFFF;

    /// <summary>The most attributes one GET-Request-With-List carries (meters often accept about ten).</summary>
    public int MaxAttributesPerRequest { get; init; } = 10;

    /// <summary>How long one request may wait for its answer; <see cref="Timeout.InfiniteTimeSpan"/> for ever.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// General block transfer (IEC 62056-5-3 §9.4.6.13): 0 (the default) does not propose it; 1–63 proposes it and is
    /// the receive window announced to the meter, the number of blocks it may stream before the client
    /// acknowledges. When the meter grants it, long requests (SET values, ACTION parameters, ciphered APDUs) go out in
    /// blocks and answers in blocks are joined, for every service and transparently to typed proxies.
    /// </summary>
    public int GeneralBlockTransferWindow { get; init; }

    /// <summary>
    /// During a general block transfer, how long the client waits for the meter's next block or acknowledgement
    /// before it re-requests (the last block in sequence as block-number-ack) or resends its last request block:
    /// set it on links that lose datagrams (the wrapper over UDP). <see cref="Timeout.InfiniteTimeSpan"/> (the
    /// default) never re-requests on silence, right for TCP and HDLC, which do not lose blocks; gaps in the numbering
    /// are re-requested either way. <see cref="RequestTimeout"/> still bounds the whole exchange.
    /// </summary>
    public TimeSpan GeneralBlockTransferRetryInterval { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>Which deviations of non-conformant meters are accepted (each with a warning); all by default.</summary>
    public CompatibilityOptions Compatibility { get; init; } = CompatibilityOptions.Default;

    /// <summary>
    /// The most blocks one answer may come in (GET, ACTION); a meter that sends more ends the request with
    /// <see cref="CosemAnswerLimitException"/>. A block transfer as a whole must also finish within
    /// <see cref="RequestTimeout"/>.
    /// </summary>
    public int MaxAnswerBlocks { get; init; } = 65_536;

    /// <summary>
    /// The most bytes one answer reassembled from blocks may hold, service-specific blocks (then
    /// <see cref="CosemAnswerLimitException"/>) or general block transfer blocks (the joined APDU; then
    /// <see cref="CosemProtocolException"/>). 16 MiB by default.
    /// </summary>
    public int MaxAnswerBytes { get; init; } = 16 << 20;

    /// <summary>
    /// How many APDUs that answer nothing the client waits for (unsolicited notifications, answers with another
    /// invoke-id) one request may receive before it ends with <see cref="CosemUnmatchedAnswerException"/>.
    /// </summary>
    public int MaxUnmatchedApdus { get; init; } = 64;

    /// <summary>Receives APDU traces (Trace), association events (Debug) and frame traces from the transport.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>
    /// The HDLC link settings these options imply: client address, server address (logical device and, when given,
    /// physical device), the offered parameters and a logger from <paramref name="loggers"/>. For transports built
    /// outside the SDK (serial ports, modems).
    /// </summary>
    public HdlcClientOptions CreateHdlcClientOptions(ILoggerFactory? loggers = null) => new()
    {
        ClientAddress = ClientAddress.ToHdlcClient(),
        ServerAddress = ServerAddress.ToHdlcServer(PhysicalAddress, HdlcAddressSize),
        Parameters = HdlcParameters,
        AcceptMalformedParameters = Compatibility.AcceptMalformedHdlcParameters,
        Logger = (loggers ?? LoggerFactory)?.CreateLogger("Cosem.Sdk.Transport.Hdlc") ?? NullLogger.Instance,
    };

    /// <summary>What the AARQ proposes: <see cref="ProposedConformance"/>, plus general block transfer when a window is set.</summary>
    internal Conformance EffectiveProposedConformance => WithGeneralBlockTransfer(ProposedConformance);

    /// <summary><paramref name="proposed"/> plus the general-block-transfer bit when a window is set.</summary>
    internal Conformance WithGeneralBlockTransfer(Conformance proposed) =>
        GeneralBlockTransferWindow > 0 ? proposed | Conformance.GeneralBlockTransfer : proposed;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Authentication, nameof(Authentication));
        if (MaxReceivePduSize < 12)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxReceivePduSize), MaxReceivePduSize, "A receive PDU size below 12 bytes cannot carry any answer.");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttributesPerRequest, 1, nameof(MaxAttributesPerRequest));
        if (GeneralBlockTransferWindow is < 0 or > GeneralBlockTransfer.MaxWindow)
        {
            throw new ArgumentOutOfRangeException(nameof(GeneralBlockTransferWindow), GeneralBlockTransferWindow,
                $"The general block transfer window is 0 (off) to {GeneralBlockTransfer.MaxWindow}.");
        }
        if (GeneralBlockTransferRetryInterval != Timeout.InfiniteTimeSpan && GeneralBlockTransferRetryInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(GeneralBlockTransferRetryInterval), GeneralBlockTransferRetryInterval,
                "The general block transfer retry interval must be positive or infinite.");
        }
        ArgumentNullException.ThrowIfNull(Compatibility, nameof(Compatibility));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAnswerBlocks, 1, nameof(MaxAnswerBlocks));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAnswerBytes, 1, nameof(MaxAnswerBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxUnmatchedApdus, 0, nameof(MaxUnmatchedApdus));
        if (RequestTimeout != Timeout.InfiniteTimeSpan && RequestTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RequestTimeout), RequestTimeout, "The request timeout must be positive or infinite.");
        }
    }
}
