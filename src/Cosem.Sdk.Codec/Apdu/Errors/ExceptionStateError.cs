namespace Cosem.Sdk.Apdu;

/// <summary>state-error of an EXCEPTION-Response (IEC 62056-5-3 §9.5).</summary>
public enum ExceptionStateError : byte
{
    ServiceNotAllowed = 1,
    ServiceUnknown = 2,
}
