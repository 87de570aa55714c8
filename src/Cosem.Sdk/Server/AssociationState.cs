using Cosem.Sdk.Apdu;
using Cosem.Sdk.ObjectModel;
using Cosem.Sdk.Security;
using Cosem.Sdk.Transport;

namespace Cosem.Sdk.Server;

/// <summary>
/// One established (or HLS-pending) application association: who the client is, which Association LN object
/// admitted it, and what the AARQ/AARE exchange negotiated (IEC 62056-5-3 §9.3.2). Read-only for applications;
/// the server session owns it.
/// </summary>
public sealed partial class AssociationState
{
    internal AssociationState(
        LogicalDevice device,
        IReadOnlyList<LogicalDevice> serverDevices,
        IAssociationObject definition,
        CosemAddress clientAddress,
        ApplicationContextName applicationContext,
        Conformance conformance,
        ushort clientMaxReceivePduSize,
        ushort serverMaxReceivePduSize,
        ReadOnlyMemory<byte>? clientSystemTitle)
    {
        Device = device;
        ServerDevices = serverDevices;
        Definition = definition;
        ClientAddress = clientAddress;
        ApplicationContext = applicationContext;
        NegotiatedConformance = conformance;
        ClientMaxReceivePduSize = clientMaxReceivePduSize;
        ServerMaxReceivePduSize = serverMaxReceivePduSize;
        ClientSystemTitle = clientSystemTitle;
        Context = new ServerRequestContext(this);
    }

    /// <summary>The logical device the client addressed (server SAP).</summary>
    public LogicalDevice Device { get; }

    /// <summary>Every logical device of the server the client reached, by address (SAP assignment lists them).</summary>
    public IReadOnlyList<LogicalDevice> ServerDevices { get; }

    /// <summary>The association object that admitted the client and defines its access rights.</summary>
    public IAssociationObject Definition { get; }

    /// <summary><see cref="Definition"/> as the object requests address (0.0.40.0.0.255 resolves to it).</summary>
    internal CosemObject DefinitionObject => (CosemObject)Definition;

    /// <summary>The client SAP (wrapper source wPort, HDLC client address).</summary>
    public CosemAddress ClientAddress { get; }

    /// <summary>The server SAP (logical device address).</summary>
    public CosemAddress ServerAddress => Device.Address;

    /// <summary>The application context of the AARQ the server accepted: LN or SN referencing, with or without
    /// ciphering.</summary>
    public ApplicationContextName ApplicationContext { get; }

    /// <summary>The authentication mechanism of the association definition: lowest level (0), LLS (1) or HLS
    /// (2–7).</summary>
    public MechanismName Mechanism => Definition.Authentication.Mechanism;

    /// <summary>Proposed ∩ supported conformance; services outside it are refused.</summary>
    public Conformance NegotiatedConformance { get; }

    /// <summary>The largest APDU the client accepts; longer answers go in blocks.</summary>
    public ushort ClientMaxReceivePduSize { get; }

    /// <summary>The largest APDU this server accepts, as announced in the InitiateResponse.</summary>
    public ushort ServerMaxReceivePduSize { get; }

    /// <summary>calling-AP-title of the AARQ, when the client sent one.</summary>
    public ReadOnlyMemory<byte>? ClientSystemTitle { get; }

    /// <summary>association_status (Association LN attribute 8): pending until an HLS client completes passes 3 and 4,
    /// then associated.</summary>
    public AssociationStatus Status { get; internal set; } = AssociationStatus.Associated;

    /// <summary>The context handed to object handlers for requests of this association.</summary>
    public ServerRequestContext Context { get; }

    /// <summary>The client system title as a value, when calling-AP-title holds 8 bytes.</summary>
    public SystemTitle? ClientTitle => ClientSystemTitle is { Length: SystemTitle.Length } title ? new SystemTitle(title.Span) : null;

    /// <summary>Whether every service bit of <paramref name="service"/> is in
    /// <see cref="NegotiatedConformance"/>.</summary>
    public bool Allows(Conformance service) => (NegotiatedConformance & service) == service;

    // ---- block transfer state (IEC 62056-5-3 §9.4.6), one long service at a time per association ----

    internal OutgoingBlocks? PendingGet { get; set; }

    /// <summary>The buffer of the last long GET once all its blocks were sent: the next long GET's payload buffer.</summary>
    internal System.Buffers.ArrayBufferWriter<byte>? SpareBlockBuffer { get; set; }

    internal IncomingBlocks? PendingSet { get; set; }

    internal IncomingBlocks? PendingActionParameters { get; set; }

    internal OutgoingBlocks? PendingActionResult { get; set; }

    /// <summary>General block transfer in progress, created on first use when it was negotiated.</summary>
    internal AssociationBlockTransfer? BlockTransfer { get; set; }

    /// <summary>The longest request the services accept: any length joined from GBT blocks, else the server's PDU size.</summary>
    internal int MaxRequestLength => Allows(Conformance.GeneralBlockTransfer) ? int.MaxValue : ServerMaxReceivePduSize;

    /// <summary>
    /// The longest answer the services write in one piece: with GBT negotiated the session splits any answer into
    /// GBT blocks (preferred to service-specific blocks), else the client's PDU size.
    /// </summary>
    internal int MaxResponseLength => Allows(Conformance.GeneralBlockTransfer) ? int.MaxValue : ClientMaxReceivePduSize;

    // ---- security ----

    /// <summary>HLS: the client's CtoS challenge from the AARQ.</summary>
    public ReadOnlyMemory<byte>? ClientChallenge { get; internal set; }

    /// <summary>HLS: the server's StoC challenge sent in the AARE.</summary>
    public ReadOnlyMemory<byte>? ServerChallenge { get; internal set; }

    /// <summary>Whether the association uses the application context with ciphering.</summary>
    public bool IsCiphered => ApplicationContext is ApplicationContextName.LogicalNameWithCiphering or ApplicationContextName.ShortNameWithCiphering;

    /// <summary>The cipher of the dedicated key the client sent in its InitiateRequest, or null.</summary>
    internal ApduCipher? DedicatedCipher { get; set; }

    // ---- work to do once the current response is sent (ServerRequestContext.AfterResponse) ----

    private List<Func<ValueTask>>? _afterResponse;

    internal void AddAfterResponse(Func<ValueTask> action) => (_afterResponse ??= []).Add(action);

    /// <summary>Takes the actions registered while serving the current request.</summary>
    internal List<Func<ValueTask>>? TakeAfterResponse()
    {
        var actions = _afterResponse;
        _afterResponse = null;
        return actions;
    }

    internal void AbortLongServices()
    {
        PendingGet = null;
        PendingSet = null;
        PendingActionParameters = null;
        PendingActionResult = null;
    }

    /// <inheritdoc/>
    public override string ToString() => $"client {ClientAddress} -> server {ServerAddress} ({Mechanism}, {Status})";
}
