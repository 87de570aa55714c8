namespace Cosem.Sdk.Transport;

/// <summary>
/// A failure of the byte transport or of the framing/link layer above it: a closed connection, a time-out, a frame
/// that cannot be decoded, a refusal by the peer. <see cref="Kind"/> says which, for callers that react differently.
/// </summary>
public class CosemTransportException : CosemException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">The category of the failure, exposed as <see cref="Kind"/>.</param>
    /// <param name="message">A description of what failed, naming the channel or endpoint.</param>
    /// <param name="innerException">The socket, I/O or decoding error behind the failure, or null.</param>
    public CosemTransportException(TransportErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    /// <summary>The category of the failure.</summary>
    public TransportErrorKind Kind { get; }

    /// <summary>
    /// Set when the peer sent readable text where a frame was expected (an HTTP server answering, say): the first
    /// line of that text, so a tool can say the peer does not speak DLMS. Null otherwise.
    /// </summary>
    public string? PeerText { get; init; }
}
