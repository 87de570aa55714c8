namespace Cosem.Sdk.Security;

/// <summary>
/// Security setup version 1 security_policy bit string (Blue Book class 64 v1, attribute 2): what requests and
/// responses must carry. Bits 0 and 1 are unused.
/// </summary>
[Flags]
public enum SecurityPolicyFlags : byte
{
    None = 0,
    AuthenticatedRequest = 1 << 2,
    EncryptedRequest = 1 << 3,
    DigitallySignedRequest = 1 << 4,
    AuthenticatedResponse = 1 << 5,
    EncryptedResponse = 1 << 6,
    DigitallySignedResponse = 1 << 7,
}
