namespace Cosem.Sdk.Security;

/// <summary>
/// A security check failed: authentication tag, replayed counter, HLS answer, signature, key or certificate.
/// Messages never contain key material, secrets or plaintext; only sizes and the kind of failure.
/// </summary>
public class CosemSecurityException : CosemException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failure">The kind of failure, exposed as <see cref="Failure"/>.</param>
    /// <param name="message">A description without key material, secrets or plaintext.</param>
    /// <param name="innerException">The underlying cryptographic or parsing error, or null.</param>
    public CosemSecurityException(SecurityFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    /// <summary>The kind of failure, for mapping to an association refusal or an exception-response.</summary>
    public SecurityFailure Failure { get; }
}
