namespace Cosem.Sdk.Apdu;

/// <summary>
/// The security control byte that opens every protected APDU's security header (IEC 62056-5-3 §9.2.7.2.4,
/// "Security header"): bits 0–3 security suite id, bit 4 authentication, bit 5 encryption, bit 6 key-set
/// (0 unicast, 1 broadcast), bit 7 compression.
/// </summary>
public readonly record struct SecurityControl(byte Value)
{
    /// <summary>
    /// Builds the security-control byte: suite id in bits 0-3, authentication bit 4, encryption bit 5, key set bit 6
    /// (broadcast), compression bit 7.
    /// </summary>
    public SecurityControl(byte suiteId, bool authenticated, bool encrypted, bool broadcastKey = false, bool compressed = false)
        : this((byte)((suiteId & 0x0F) | (authenticated ? 0x10 : 0) | (encrypted ? 0x20 : 0) | (broadcastKey ? 0x40 : 0) | (compressed ? 0x80 : 0)))
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(suiteId, (byte)15);
    }

    /// <summary>The security suite (0 = AES-GCM-128, 1 = ECDH-ECDSA-AES-GCM-128-SHA-256, 2 = … -256-SHA-384).</summary>
    public byte SuiteId => (byte)(Value & 0x0F);

    /// <summary>Bit 4 (A): the APDU carries an authentication tag (GMAC/GCM tag).</summary>
    public bool Authenticated => (Value & 0x10) != 0;

    /// <summary>Bit 5 (E): the APDU content is encrypted.</summary>
    public bool Encrypted => (Value & 0x20) != 0;

    /// <summary>True when the broadcast key is used, false for the unicast key.</summary>
    public bool BroadcastKey => (Value & 0x40) != 0;

    /// <summary>Bit 7 (C): the APDU content was compressed before protection.</summary>
    public bool Compressed => (Value & 0x80) != 0;

    /// <summary>The byte in hex and its decoded bits; for logs.</summary>
    public override string ToString() =>
        $"0x{Value:X2} (suite {SuiteId}{(Authenticated ? ", authenticated" : "")}{(Encrypted ? ", encrypted" : "")}{(BroadcastKey ? ", broadcast key" : "")}{(Compressed ? ", compressed" : "")})";
}
