namespace Cosem.Sdk.Security;

/// <summary>
/// The keys one party holds for general-ciphering (IEC 62056-5-3 §9.2.7.2.4.8): which of them a protection or
/// an opening needs depends on the <see cref="GeneralCipheringKeyMode"/>. Identified keys need
/// <see cref="Keys"/>; wrapped keys the master key; ephemeral–static agreement the own signing key (to send) or
/// the own key agreement key and the peer's signing key (to receive); static–static agreement both parties'
/// key agreement keys. <see cref="ToString"/> names what is present and never prints a key.
/// </summary>
public sealed class GeneralCipheringKeyring : IDisposable
{
    private SecretBytes? _masterKey;

    /// <summary>Creates an empty keyring; set the keys the general-ciphering key modes in use need with the init
    /// properties.</summary>
    /// <param name="suite">Security suite 0, 1 or 2; fixes the symmetric key length (16, 16 or 32 bytes) and the curve
    /// (P-256 or P-384).</param>
    /// <exception cref="CosemSecurityException">The suite is not defined.</exception>
    public GeneralCipheringKeyring(SecuritySuite suite)
    {
        suite.EnsureDefined();
        Suite = suite;
    }

    /// <summary>The security suite of every key in the keyring; also written into the security control byte.</summary>
    public SecuritySuite Suite { get; }

    /// <summary>This party's system title: when set, an APDU addressed to another recipient is refused.</summary>
    public SystemTitle? SystemTitle { get; init; }

    /// <summary>Global unicast/broadcast keys and the authentication key (AK), which enters the AAD when present.</summary>
    public CipheringKeys? Keys { get; init; }

    /// <summary>The master key (KEK) for wrapped keys: 16 bytes for suites 0 and 1, 32 for suite 2. Copied in.</summary>
    public ReadOnlySpan<byte> MasterKey
    {
        get => _masterKey is null ? default : _masterKey.Span;
        init
        {
            if (value.Length != Suite.KeyLength())
            {
                throw new CosemSecurityException(SecurityFailure.InvalidKey,
                    $"Security suite {(int)Suite} needs a {Suite.KeyLength()}-byte master key, got {value.Length} bytes.");
            }
            _masterKey = new SecretBytes(value);
        }
    }

    /// <summary>Whether a master key (KEK) is set, which the wrapped-key mode (key-info wrapped-key) needs.</summary>
    public bool HasMasterKey => _masterKey is not null;

    /// <summary>This party's static key agreement key pair (suites 1 and 2).</summary>
    public EccKeyPair? KeyAgreementKey { get; init; }

    /// <summary>This party's digital signature key pair: signs ephemeral public keys and general-signing APDUs.</summary>
    public EccKeyPair? SigningKey { get; init; }

    /// <summary>The peer's static public key agreement key.</summary>
    public EccPublicKey? PeerKeyAgreementKey { get; init; }

    /// <summary>The peer's public signing key, to verify its ephemeral keys and signatures.</summary>
    public EccPublicKey? PeerSigningKey { get; init; }

    /// <summary>The authentication key when <see cref="Keys"/> are set, else empty (third parties share no AK).</summary>
    internal ReadOnlySpan<byte> AuthenticationKey => Keys is null ? default : Keys.AuthenticationKey;

    /// <summary>Zeroes the master key. The ECC key pairs and <see cref="Keys"/> are not owned and stay
    /// usable.</summary>
    public void Dispose() => _masterKey?.Dispose();

    /// <inheritdoc/>
    public override string ToString() =>
        $"GeneralCipheringKeyring(suite {(int)Suite}, keys {(Keys is null ? "absent" : "set")}, master key {(HasMasterKey ? "set" : "absent")}, " +
        $"key agreement key {(KeyAgreementKey is null ? "absent" : "set")}, signing key {(SigningKey is null ? "absent" : "set")}, " +
        $"peer key agreement key {(PeerKeyAgreementKey is null ? "absent" : "set")}, peer signing key {(PeerSigningKey is null ? "absent" : "set")})";

    internal T Require<T>(T? value, string what) where T : class =>
        value ?? throw new CosemSecurityException(SecurityFailure.InvalidKey, $"This general-ciphering needs {what}, which the keyring lacks.");
}
