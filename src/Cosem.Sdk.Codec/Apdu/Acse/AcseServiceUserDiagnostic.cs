namespace Cosem.Sdk.Apdu;

/// <summary>acse-service-user [1] of the AARE result-source-diagnostic (ISO/IEC 8650-1, IEC 62056-5-3 §9).</summary>
public enum AcseServiceUserDiagnostic
{
    /// <summary>null (0): no diagnostic; what an accepting server sends.</summary>
    Null = 0,
    /// <summary>no-reason-given (1): the server refused without a specific reason.</summary>
    NoReasonGiven = 1,
    /// <summary>
    /// application-context-name-not-supported (2): the server does not support the proposed application context (e.g.
    /// LN vs SN, ciphered vs not).
    /// </summary>
    ApplicationContextNameNotSupported = 2,
    /// <summary>
    /// calling-AP-title-not-recognized (3): the client system title (calling-AP-title) is unknown to the server.
    /// </summary>
    CallingApTitleNotRecognized = 3,
    /// <summary>calling-AP-invocation-identifier-not-recognized (4).</summary>
    CallingApInvocationIdentifierNotRecognized = 4,
    /// <summary>
    /// calling-AE-qualifier-not-recognized (5): e.g. the client's public-key certificate is not accepted.
    /// </summary>
    CallingAeQualifierNotRecognized = 5,
    /// <summary>calling-AE-invocation-identifier-not-recognized (6).</summary>
    CallingAeInvocationIdentifierNotRecognized = 6,
    /// <summary>called-AP-title-not-recognized (7).</summary>
    CalledApTitleNotRecognized = 7,
    /// <summary>called-AP-invocation-identifier-not-recognized (8).</summary>
    CalledApInvocationIdentifierNotRecognized = 8,
    /// <summary>called-AE-qualifier-not-recognized (9).</summary>
    CalledAeQualifierNotRecognized = 9,
    /// <summary>called-AE-invocation-identifier-not-recognized (10).</summary>
    CalledAeInvocationIdentifierNotRecognized = 10,
    /// <summary>
    /// authentication-mechanism-name-not-recognised (11): the server does not support the proposed authentication
    /// mechanism (LLS/HLS level).
    /// </summary>
    AuthenticationMechanismNameNotRecognized = 11,
    /// <summary>
    /// authentication-mechanism-name-required (12): the association needs authentication but the AARQ carried no
    /// mechanism-name.
    /// </summary>
    AuthenticationMechanismNameRequired = 12,
    /// <summary>authentication-failure (13): the LLS password or the HLS challenge response was wrong.</summary>
    AuthenticationFailure = 13,
    /// <summary>HLS: the association proceeds once the client passes the challenge (pass 3/4).</summary>
    AuthenticationRequired = 14,
}
