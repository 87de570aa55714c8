using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.Server;

/// <summary>
/// The keys of <see cref="CosemServer.GetRefusalCounts"/> and of the rate-limited refusal summaries in the log: one
/// per kind of thing the server turned away (a connection, an association, a request, a silent peer).
/// </summary>
public static class RefusalReasons
{
    /// <summary>A connection closed at once because the server already served <see cref="CosemServerOptions.MaxConnections"/>.</summary>
    public const string ConnectionLimit = "connection-limit";

    /// <summary>A connection closed at once because its address already had <see cref="CosemServerOptions.MaxConnectionsPerAddress"/>.</summary>
    public const string AddressConnectionLimit = "address-connection-limit";

    /// <summary>An AARQ answered with a rejecting AARE (unknown client, wrong password, unsupported context, malformed…).</summary>
    public const string AssociationRefused = "association-refused";

    /// <summary>
    /// A connection ended by what it sent: a wrapper frame of another version, a frame or reassembled APDU beyond
    /// <see cref="CosemServerOptions.MaxReassemblyBytes"/>. (HDLC frames that fail their checks are dropped by the link
    /// and counted there, in <c>HdlcLink.DiscardedFrames</c>; UDP datagrams in <c>UdpChannelListener.DiscardedDatagrams</c>.)
    /// </summary>
    public const string InvalidFrame = "invalid-frame";

    /// <summary>A connection closed after <see cref="CosemServerOptions.IdleTimeout"/> without a useful request.</summary>
    public const string InactivityTimeout = "inactivity-timeout";

    /// <summary>A connection closed because no association was completed within <see cref="CosemServerOptions.AssociationTimeout"/>.</summary>
    public const string AssociationTimeout = "association-timeout";

    /// <summary>An answer too long for the client's PDU size with block transfer not negotiated (answered other-reason).</summary>
    public const string AnswerTooLong = "answer-too-long";

    /// <summary>A block SET or ACTION whose joined blocks would exceed <see cref="CosemServerOptions.MaxIncomingBlockBytes"/> (aborted).</summary>
    public const string IncomingBlocksTooLong = "incoming-blocks-too-long";

    /// <summary>
    /// A request answered with an EXCEPTION-Response: the service-error in the standard's spelling, e.g.
    /// <c>service-not-supported</c> or <c>deciphering-error</c> (IEC 62056-5-3 §9.5).
    /// </summary>
    public static string ForServiceError(ExceptionServiceError error) => error switch
    {
        ExceptionServiceError.OperationNotPossible => "operation-not-possible",
        ExceptionServiceError.ServiceNotSupported => "service-not-supported",
        ExceptionServiceError.OtherReason => "other-reason",
        ExceptionServiceError.PduTooLong => "pdu-too-long",
        ExceptionServiceError.DecipheringError => "deciphering-error",
        ExceptionServiceError.InvocationCounterError => "invocation-counter-error",
        _ => "service-error-" + (byte)error,
    };
}
