namespace Cosem.Sdk.Security;

/// <summary>Conversions between the version 0 policy, the version 1 bits and the security control byte.</summary>
public static class SecurityPolicyExtensions
{
    /// <summary>Whether APDUs under this policy carry an authentication tag.</summary>
    public static bool RequiresAuthentication(this SecurityPolicy policy) =>
        policy is SecurityPolicy.Authenticated or SecurityPolicy.AuthenticatedEncrypted;

    /// <summary>Whether APDUs under this policy are encrypted.</summary>
    public static bool RequiresEncryption(this SecurityPolicy policy) =>
        policy is SecurityPolicy.Encrypted or SecurityPolicy.AuthenticatedEncrypted;

    /// <summary>The version 1 bits that apply the same protection to requests and responses.</summary>
    public static SecurityPolicyFlags ToFlags(this SecurityPolicy policy)
    {
        var flags = SecurityPolicyFlags.None;
        if (policy.RequiresAuthentication())
        {
            flags |= SecurityPolicyFlags.AuthenticatedRequest | SecurityPolicyFlags.AuthenticatedResponse;
        }
        if (policy.RequiresEncryption())
        {
            flags |= SecurityPolicyFlags.EncryptedRequest | SecurityPolicyFlags.EncryptedResponse;
        }
        return flags;
    }

    /// <summary>The security control byte for an APDU sent under this policy.</summary>
    public static SecurityControlByte ToControlByte(this SecurityPolicy policy, SecuritySuite suite, bool broadcastKey = false) =>
        SecurityControlByte.Create(suite, policy.RequiresAuthentication(), policy.RequiresEncryption(), broadcastKey);

    /// <summary>Whether a received APDU's protection is at least what the policy requires.</summary>
    public static bool IsSatisfiedBy(this SecurityPolicy policy, SecurityControlByte control) =>
        (!policy.RequiresAuthentication() || control.IsAuthenticated) && (!policy.RequiresEncryption() || control.IsEncrypted);
}
