namespace Cosem.Sdk.Security;

/// <summary>
/// Security setup version 1 security_policy bit string (Blue Book class 64 v1, attribute 2): what requests and
/// responses must carry. Bits 0 and 1 are unused.
/// </summary>
[Flags]
public enum SecurityPolicyFlags : byte
{
    /// <summary>No protection required.</summary>
    None = 0,
    /// <summary>Bit 2: all requests must be authenticated.</summary>
    AuthenticatedRequest = 1 << 2,
    /// <summary>Bit 3: all requests must be encrypted.</summary>
    EncryptedRequest = 1 << 3,
    /// <summary>Bit 4: all requests must be digitally signed.</summary>
    DigitallySignedRequest = 1 << 4,
    /// <summary>Bit 5: all responses must be authenticated.</summary>
    AuthenticatedResponse = 1 << 5,
    /// <summary>Bit 6: all responses must be encrypted.</summary>
    EncryptedResponse = 1 << 6,
    /// <summary>Bit 7: all responses must be digitally signed.</summary>
    DigitallySignedResponse = 1 << 7,
}
