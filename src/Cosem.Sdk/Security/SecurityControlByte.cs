namespace Cosem.Sdk.Security;

/// <summary>
/// The security control byte SC that opens every ciphered APDU's security header (IEC 62056-5-3 §9.2.7.2.4.2):
/// bits 0–3 security suite id, bit 4 authentication, bit 5 encryption, bit 6 key set (0 unicast, 1 broadcast),
/// bit 7 compression.
/// </summary>
public readonly record struct SecurityControlByte(byte Value)
{
    private const byte AuthenticationBit = 0x10;
    private const byte EncryptionBit = 0x20;
    private const byte BroadcastBit = 0x40;
    private const byte CompressionBit = 0x80;

    /// <summary>Builds a security control byte (IEC 62056-5-3 §9.2.7.2.4.2).</summary>
    /// <param name="suite">The security suite id, bits 0–3.</param>
    /// <param name="authenticated">Sets bit 4: the APDU carries an authentication tag.</param>
    /// <param name="encrypted">Sets bit 5: the information is encrypted.</param>
    /// <param name="broadcastKey">Sets bit 6: the global broadcast key is used instead of the unicast key (default
    /// false).</param>
    /// <param name="compressed">Sets bit 7: the plaintext was compressed before ciphering (default false).</param>
    /// <exception cref="CosemSecurityException">The suite is not defined.</exception>
    public static SecurityControlByte Create(SecuritySuite suite, bool authenticated, bool encrypted, bool broadcastKey = false, bool compressed = false)
    {
        suite.EnsureDefined();
        var value = (byte)suite;
        value |= authenticated ? AuthenticationBit : (byte)0;
        value |= encrypted ? EncryptionBit : (byte)0;
        value |= broadcastKey ? BroadcastBit : (byte)0;
        value |= compressed ? CompressionBit : (byte)0;
        return new SecurityControlByte(value);
    }

    /// <summary>The suite id bits; may be an undefined suite when read from the wire (see <see cref="SecuritySuiteExtensions.IsDefined"/>).</summary>
    public SecuritySuite Suite => (SecuritySuite)(Value & 0x0F);

    /// <summary>Bit 4: the APDU carries a 12-byte authentication tag (GMAC over SC ‖ AK ‖ data).</summary>
    public bool IsAuthenticated => (Value & AuthenticationBit) != 0;

    /// <summary>Bit 5: the information is encrypted with AES-GCM.</summary>
    public bool IsEncrypted => (Value & EncryptionBit) != 0;

    /// <summary>True when the global broadcast key was used instead of the unicast (or dedicated) key.</summary>
    public bool UsesBroadcastKey => (Value & BroadcastBit) != 0;

    /// <summary>Bit 7: the plaintext was compressed (ITU-T V.44) before ciphering.</summary>
    public bool IsCompressed => (Value & CompressionBit) != 0;

    /// <inheritdoc/>
    public override string ToString() =>
        $"SC {Value:X2} (suite {(int)Suite}{(IsAuthenticated ? ", authenticated" : "")}{(IsEncrypted ? ", encrypted" : "")}" +
        $"{(UsesBroadcastKey ? ", broadcast key" : "")}{(IsCompressed ? ", compressed" : "")})";
}
