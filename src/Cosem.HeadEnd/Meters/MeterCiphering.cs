namespace Cosem.HeadEnd.Meters;

/// <summary>The protection of a meter's xDLMS APDUs (security suite 0, global keys from the key store).</summary>
public enum MeterCiphering
{
    /// <summary>Plain APDUs.</summary>
    None = 0,

    /// <summary>Authenticated only (GMAC tag, readable content).</summary>
    Authenticated = 1,

    /// <summary>Encrypted only.</summary>
    Encrypted = 2,

    /// <summary>Authenticated and encrypted.</summary>
    AuthenticatedEncrypted = 3,
}
