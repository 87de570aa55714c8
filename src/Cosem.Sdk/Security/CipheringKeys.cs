namespace Cosem.Sdk.Security;

/// <summary>
/// The symmetric keys of one client–server pairing: global unicast and broadcast block cipher keys, the
/// authentication key, and the dedicated key of the current association. Immutable: a key change (key transfer,
/// a new dedicated key) makes a new instance. Keys are kept pinned, zeroed on dispose, and never formatted.
/// </summary>
public sealed class CipheringKeys : IDisposable
{
    private readonly SecretBytes _globalUnicastKey;
    private readonly SecretBytes _authenticationKey;
    private readonly SecretBytes? _globalBroadcastKey;
    private readonly SecretBytes? _dedicatedKey;

    /// <summary>Creates the key set; every key is copied and pinned.</summary>
    /// <param name="suite">Security suite; keys must be 16 bytes for suites 0 and 1, 32 bytes for suite 2.</param>
    /// <param name="globalUnicastKey">The global unicast encryption key (GUEK).</param>
    /// <param name="authenticationKey">The authentication key (AK).</param>
    /// <param name="globalBroadcastKey">The global broadcast encryption key (GBEK); empty (the default) for
    /// none.</param>
    /// <param name="dedicatedKey">The dedicated key of the current association; empty (the default) for none.</param>
    /// <exception cref="CosemSecurityException">A key has the wrong length
    /// (<see cref="SecurityFailure.InvalidKey"/>).</exception>
    public CipheringKeys(SecuritySuite suite, ReadOnlySpan<byte> globalUnicastKey, ReadOnlySpan<byte> authenticationKey,
        ReadOnlySpan<byte> globalBroadcastKey = default, ReadOnlySpan<byte> dedicatedKey = default)
    {
        suite.EnsureDefined();
        Suite = suite;
        _globalUnicastKey = Checked(suite, globalUnicastKey, "global unicast key");
        _authenticationKey = Checked(suite, authenticationKey, "authentication key");
        _globalBroadcastKey = globalBroadcastKey.IsEmpty ? null : Checked(suite, globalBroadcastKey, "global broadcast key");
        _dedicatedKey = dedicatedKey.IsEmpty ? null : Checked(suite, dedicatedKey, "dedicated key");
    }

    /// <summary>The security suite (Security setup attribute security_suite) the keys are sized for.</summary>
    public SecuritySuite Suite { get; }

    /// <summary>The global unicast encryption key (GUEK); never empty.</summary>
    public ReadOnlySpan<byte> GlobalUnicastKey => _globalUnicastKey.Span;

    /// <summary>The authentication key (AK), part of the AAD of every authenticated APDU; never empty.</summary>
    public ReadOnlySpan<byte> AuthenticationKey => _authenticationKey.Span;

    /// <summary>The global broadcast key, or empty when none is configured.</summary>
    public ReadOnlySpan<byte> GlobalBroadcastKey => _globalBroadcastKey is null ? default : _globalBroadcastKey.Span;

    /// <summary>The dedicated key, or empty when the association has none.</summary>
    public ReadOnlySpan<byte> DedicatedKey => _dedicatedKey is null ? default : _dedicatedKey.Span;

    /// <summary>Whether a global broadcast key (GBEK) is configured; <see cref="CreateCipher"/> with
    /// <see cref="CipheringKeyKind.GlobalBroadcast"/> throws without one.</summary>
    public bool HasGlobalBroadcastKey => _globalBroadcastKey is not null;

    /// <summary>Whether the association has a dedicated key (sent in the AARQ's xDLMS InitiateRequest); ded- APDUs need
    /// one.</summary>
    public bool HasDedicatedKey => _dedicatedKey is not null;

    /// <summary>The same keys with a new (or, given an empty span, no) dedicated key.</summary>
    public CipheringKeys WithDedicatedKey(ReadOnlySpan<byte> dedicatedKey) =>
        new(Suite, GlobalUnicastKey, AuthenticationKey, GlobalBroadcastKey, dedicatedKey);

    /// <summary>The same keys with new global unicast and/or broadcast/authentication keys (after global_key_transfer).</summary>
    public CipheringKeys WithGlobalKeys(ReadOnlySpan<byte> globalUnicastKey = default, ReadOnlySpan<byte> globalBroadcastKey = default,
        ReadOnlySpan<byte> authenticationKey = default) =>
        new(Suite,
            globalUnicastKey.IsEmpty ? GlobalUnicastKey : globalUnicastKey,
            authenticationKey.IsEmpty ? AuthenticationKey : authenticationKey,
            globalBroadcastKey.IsEmpty ? GlobalBroadcastKey : globalBroadcastKey,
            DedicatedKey);

    /// <summary>An <see cref="ApduCipher"/> for the chosen block cipher key and this authentication key.</summary>
    public ApduCipher CreateCipher(CipheringKeyKind kind = CipheringKeyKind.GlobalUnicast)
    {
        var key = kind switch
        {
            CipheringKeyKind.GlobalUnicast => _globalUnicastKey,
            CipheringKeyKind.GlobalBroadcast => _globalBroadcastKey,
            CipheringKeyKind.Dedicated => _dedicatedKey,
            _ => null,
        } ?? throw new CosemSecurityException(SecurityFailure.InvalidKey, $"No {kind} key is configured.");
        return new ApduCipher(Suite, key.Span, _authenticationKey.Span);
    }

    /// <summary>Zeroes and unpins all keys. Ciphers made earlier by <see cref="CreateCipher"/> hold their own
    /// copies.</summary>
    public void Dispose()
    {
        _globalUnicastKey.Dispose();
        _authenticationKey.Dispose();
        _globalBroadcastKey?.Dispose();
        _dedicatedKey?.Dispose();
    }

    // Only which keys exist, never their bytes.
    /// <inheritdoc/>
    public override string ToString() =>
        $"CipheringKeys(suite {(int)Suite}, global unicast key set, authentication key set, " +
        $"broadcast key {(HasGlobalBroadcastKey ? "set" : "absent")}, dedicated key {(HasDedicatedKey ? "set" : "absent")})";

    private static SecretBytes Checked(SecuritySuite suite, ReadOnlySpan<byte> key, string name)
    {
        var expected = suite.KeyLength();
        if (key.Length != expected)
        {
            throw new CosemSecurityException(SecurityFailure.InvalidKey,
                $"Security suite {(int)suite} needs a {expected}-byte {name}, got {key.Length} bytes.");
        }
        return new SecretBytes(key);
    }
}
