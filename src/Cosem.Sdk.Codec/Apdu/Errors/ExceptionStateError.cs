namespace Cosem.Sdk.Apdu;

/// <summary>state-error of an EXCEPTION-Response (IEC 62056-5-3 §9.5).</summary>
public enum ExceptionStateError : byte
{
    /// <summary>
    /// service-not-allowed (1): the service is not allowed in the current state (e.g. no association established).
    /// </summary>
    ServiceNotAllowed = 1,
    /// <summary>service-unknown (2): the server does not know the service (unknown APDU tag).</summary>
    ServiceUnknown = 2,
}
