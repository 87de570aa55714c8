namespace Cosem.Sdk.Apdu;

/// <summary>The service-error CHOICE of an EXCEPTION-Response (IEC 62056-5-3 §9.5).</summary>
public enum ExceptionServiceError : byte
{
    /// <summary>operation-not-possible [1]: the server cannot perform the requested operation now.</summary>
    OperationNotPossible = 1,
    /// <summary>service-not-supported [2]: the service is outside the negotiated conformance block.</summary>
    ServiceNotSupported = 2,
    /// <summary>other-reason [3]: any other error.</summary>
    OtherReason = 3,
    /// <summary>pdu-too-long [4]: the APDU exceeds the negotiated server max-receive-pdu-size.</summary>
    PduTooLong = 4,
    /// <summary>
    /// deciphering-error [5]: the ciphered APDU could not be deciphered or its authentication tag did not verify.
    /// </summary>
    DecipheringError = 5,

    /// <summary>The invocation counter was refused; the response carries the value the server expects.</summary>
    InvocationCounterError = 6,
}
