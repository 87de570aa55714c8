using Cosem.Sdk.Apdu;

namespace Cosem.Sdk.Client;

/// <summary>
/// The meter answered a request with an EXCEPTION-Response (IEC 62056-5-3 §9.5): it could not even start
/// processing it, for instance a service it does not support or a PDU too long for it.
/// </summary>
public sealed class CosemExceptionResponseException : CosemProtocolException
{
    /// <summary>Wraps the decoded EXCEPTION-Response APDU.</summary>
    /// <param name="response">The state-error, service-error and, for invocation-counter-error, the expected
    /// counter.</param>
    public CosemExceptionResponseException(ExceptionResponse response)
        : base($"The meter answered with an EXCEPTION-Response: state-error {response.StateError}, service-error {response.ServiceError}.")
    {
        StateError = response.StateError;
        ServiceError = response.ServiceError;
        InvocationCounter = response.InvocationCounter;
    }

    /// <summary>The state-error: service-not-allowed (1) or service-unknown (2).</summary>
    public ExceptionStateError StateError { get; }

    /// <summary>The service-error, e.g. operation-not-possible, service-not-supported, pdu-too-long, deciphering-error
    /// or invocation-counter-error.</summary>
    public ExceptionServiceError ServiceError { get; }

    /// <summary>The meter's expected invocation counter, when the service error is invocation-counter-error.</summary>
    public uint? InvocationCounter { get; }
}
