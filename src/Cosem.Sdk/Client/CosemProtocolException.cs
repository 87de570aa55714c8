namespace Cosem.Sdk.Client;

/// <summary>
/// The meter answered outside the protocol: an EXCEPTION-Response, a confirmed-service-error, a reply of the wrong
/// service, a block out of sequence, or a request this association cannot carry (a service or PDU size the meter
/// did not negotiate). Subclasses carry the meter's own error codes.
/// </summary>
public class CosemProtocolException : CosemException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What the meter answered or what the association cannot carry.</param>
    /// <param name="innerException">A decoding error behind the failure, or null.</param>
    public CosemProtocolException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
