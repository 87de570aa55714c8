using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.Client;

/// <summary>
/// The meter answered with a confirmed-service-error (IEC 62056-5-3 §9.5, ConfirmedServiceError APDU): the service
/// failed for a reason outside the data-access-result codes.
/// </summary>
public sealed class CosemConfirmedServiceErrorException : CosemProtocolException
{
    /// <summary>Wraps the decoded ConfirmedServiceError APDU.</summary>
    /// <param name="error">The service that failed and the error kind and code the meter gave.</param>
    public CosemConfirmedServiceErrorException(ConfirmedServiceError error)
        : base($"The meter answered with a confirmed-service-error: service {error.Service}, {error.ErrorKind} {error.Code}.")
    {
        Error = error;
    }

    /// <summary>The decoded error: service, kind and code (see its typed accessors).</summary>
    public ConfirmedServiceError Error { get; }
}
