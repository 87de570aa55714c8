namespace Cosem.Sdk.Security;

/// <summary>
/// The protection required for xDLMS APDUs on an association: attribute 2 of Security setup version 0
/// (Blue Book class 64, security_policy enum), also the shape of the <c>--security</c> option.
/// </summary>
public enum SecurityPolicy : byte
{
    /// <summary>No protection.</summary>
    None = 0,

    /// <summary>All messages authenticated (GMAC).</summary>
    Authenticated = 1,

    /// <summary>All messages encrypted.</summary>
    Encrypted = 2,

    /// <summary>All messages authenticated and encrypted.</summary>
    AuthenticatedEncrypted = 3,
}
