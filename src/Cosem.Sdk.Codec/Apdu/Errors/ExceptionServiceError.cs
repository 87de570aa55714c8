namespace Cosem.Sdk.Apdu;

/// <summary>The service-error CHOICE of an EXCEPTION-Response (IEC 62056-5-3 §9.5).</summary>
public enum ExceptionServiceError : byte
{
    OperationNotPossible = 1,
    ServiceNotSupported = 2,
    OtherReason = 3,
    PduTooLong = 4,
    DecipheringError = 5,

    /// <summary>The invocation counter was refused; the response carries the value the server expects.</summary>
    InvocationCounterError = 6,
}
