namespace Cosem.Sdk.Apdu;

/// <summary>acse-service-user [1] of the AARE result-source-diagnostic (ISO/IEC 8650-1, IEC 62056-5-3 §9).</summary>
public enum AcseServiceUserDiagnostic
{
    Null = 0,
    NoReasonGiven = 1,
    ApplicationContextNameNotSupported = 2,
    CallingApTitleNotRecognized = 3,
    CallingApInvocationIdentifierNotRecognized = 4,
    CallingAeQualifierNotRecognized = 5,
    CallingAeInvocationIdentifierNotRecognized = 6,
    CalledApTitleNotRecognized = 7,
    CalledApInvocationIdentifierNotRecognized = 8,
    CalledAeQualifierNotRecognized = 9,
    CalledAeInvocationIdentifierNotRecognized = 10,
    AuthenticationMechanismNameNotRecognized = 11,
    AuthenticationMechanismNameRequired = 12,
    AuthenticationFailure = 13,
    /// <summary>HLS: the association proceeds once the client passes the challenge (pass 3/4).</summary>
    AuthenticationRequired = 14,
}
