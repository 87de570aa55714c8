using Cosem.Sdk.Security;

namespace Cosem.Sdk.Objects;

/// <summary>
/// A push whose push_protection_parameters ask for a protection the meter holds no key for (no association
/// security, no global keys, no signing key): the push is refused rather than sent weaker or in the clear.
/// </summary>
public sealed class PushProtectionRefusedException : CosemSecurityException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="protectionType">The protection_type that could not be applied.</param>
    /// <param name="message">Which key is missing; never key material.</param>
    public PushProtectionRefusedException(PushProtectionType protectionType, string message)
        : base(SecurityFailure.InvalidKey, message)
    {
        ProtectionType = protectionType;
    }

    /// <summary>The protection_type of push_protection_parameters the meter has no key for.</summary>
    public PushProtectionType ProtectionType { get; }
}
