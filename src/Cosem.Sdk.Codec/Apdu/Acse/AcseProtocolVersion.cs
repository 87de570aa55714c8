namespace Cosem.Sdk.Apdu;

/// <summary>protocol-version BIT STRING {version1 (0)} of AARQ/AARE; absent means version1.</summary>
[Flags]
public enum AcseProtocolVersion : uint
{
    /// <summary>No bit set; not a valid protocol-version, used only as the empty value.</summary>
    None = 0,
    /// <summary>
    /// version1 (bit 0 of the protocol-version BIT STRING): the only ACSE version DLMS uses, and the default when the
    /// field is absent.
    /// </summary>
    Version1 = 1 << 0,
}
