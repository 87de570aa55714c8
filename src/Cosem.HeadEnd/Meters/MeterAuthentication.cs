namespace Cosem.HeadEnd.Meters;

/// <summary>How the head-end authenticates to a meter; the secrets come from the key store by
/// <see cref="MeterSettings.KeyName"/>.</summary>
public enum MeterAuthentication
{
    /// <summary>Low level (a password) when <see cref="MeterSettings.KeyName"/> is set, none otherwise.</summary>
    Default = 0,

    /// <summary>No authentication (lowest level security).</summary>
    None = 1,

    /// <summary>Low level security: the key store's password travels in the AARQ.</summary>
    Low = 2,

    /// <summary>HLS mechanism 3 (MD5) with the key store's HLS secret.</summary>
    HlsMd5 = 3,

    /// <summary>HLS mechanism 4 (SHA-1) with the key store's HLS secret.</summary>
    HlsSha1 = 4,

    /// <summary>HLS mechanism 5 (GMAC) with the key store's unicast and authentication keys.</summary>
    HlsGmac = 5,

    /// <summary>HLS mechanism 6 (SHA-256) with the key store's HLS secret and both system titles.</summary>
    HlsSha256 = 6,
}
