namespace Cosem.Sdk.Transport;

/// <summary>
/// A failure of the byte transport or of the framing/link layer above it: a closed connection, a time-out, a frame
/// that cannot be decoded, a refusal by the peer. <see cref="Kind"/> says which, for callers that react differently.
/// </summary>
public class CosemTransportException : CosemException
{
    public CosemTransportException(TransportErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    /// <summary>The category of the failure.</summary>
    public TransportErrorKind Kind { get; }
}
